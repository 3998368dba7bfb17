import { defineMessages } from '@/utils/i18n/locale';

export const dashboardMessages = defineMessages({
  en: {
    title: 'ListingProof dashboard',
    authorized: 'Authorized list',
    evidence: 'Evidence',
    settings: 'Settings',
    investigator: 'Investigator name (recorded on every capture)',
    language: 'Language',
    followBrowser: 'Follow the browser',
    stitched: 'Also capture a pixel-true stitched series of screenshots (slower)',
    captureImages: 'Fetch product images at full size',
    saved: 'Saved',
    storage: 'Storage used: {used} of {quota}',
    persistent: 'Persistent storage granted',
    notPersistent: 'Storage may be cleared by the browser under pressure',
  },
  'zh-CN': {
    title: 'ListingProof 控制台',
    authorized: '授权名单',
    evidence: '证据',
    settings: '设置',
    investigator: '取证人姓名（记录在每次取证中）',
    language: '语言',
    followBrowser: '跟随浏览器',
    stitched: '同时截取逐屏拼接的原始像素截图（较慢）',
    captureImages: '抓取商品原图',
    saved: '已保存',
    storage: '已用存储：{used} / {quota}',
    persistent: '已获得持久存储',
    notPersistent: '存储空间紧张时浏览器可能清理数据',
  },
});
