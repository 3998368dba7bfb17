import { defineMessages } from '@/utils/i18n/locale';

// Words of the complaint bundle's printable index and its form text, in both languages.
export const complaintMessages = defineMessages({
  'zh-CN': {
    indexTitle: '证据目录',
    generated: '生成时间 {at}，证据包 {package}（共 {count} 项）',
    no: '序号',
    platform: '平台',
    shop: '店铺',
    shopId: '店铺 ID',
    itemId: '商品 ID',
    url: '链接',
    capturedAt: '取证时间',
    trustedTime: '可信时间',
    seller: '授权',
    price: '价格',
    lowestPrice: '最低价',
    minPrice: '最低限价',
    sealSha256: '封存 SHA-256',
    notStamped: '未取得',
    verifyNote: '每项证据的文件及其 SHA-256 见证据包内 manifest.json；可信时间戳可用 openssl ts -verify 独立核验。',
  },
  en: {
    indexTitle: 'Evidence index',
    generated: 'Generated {at}, package {package} ({count} items)',
    no: 'No.',
    platform: 'Platform',
    shop: 'Shop',
    shopId: 'Shop id',
    itemId: 'Item id',
    url: 'URL',
    capturedAt: 'Captured',
    trustedTime: 'Trusted time',
    seller: 'Seller',
    price: 'Price',
    lowestPrice: 'Lowest price',
    minPrice: 'Minimum price',
    sealSha256: 'Seal SHA-256',
    notStamped: 'none yet',
    verifyNote:
      'Each capture’s files and their SHA-256 are in the package’s manifest.json; trusted timestamps can be checked independently with openssl ts -verify.',
  },
});
