import type { Manifest } from '@/utils/model/manifest';
import type { Channel } from '@/utils/complaints/channels';
import type { LinkFile } from '@/utils/complaints/link-files';

// The text a portal's complaint form asks for, ready to paste (complaint-form.txt in the bundle).
// Facts only: which listings, what the list says and where the evidence is; the right holder and
// the registration numbers are the brand's to fill in, never guessed.

const PORTAL: Record<Channel, { zh: string; en: string }> = {
  alibaba: { zh: '阿里巴巴知识产权保护平台（IPP，淘宝/天猫）', en: 'Alibaba IP Protection Platform (IPP, Taobao/Tmall)' },
  jd: { zh: '京东知识产权保护平台', en: 'JD IP protection platform' },
  pdd: { zh: '拼多多知识产权保护平台', en: 'Pinduoduo IP protection platform' },
};

export interface FormTextInput {
  channel: Channel;
  manifest: Manifest;
  packageName: string;
  links: readonly LinkFile[];
  brand: string;
  listUpdatedAt: string;
}

export function complaintFormText(input: FormTextInput): string {
  const { channel, manifest } = input;
  const unauthorized = manifest.captures.filter((c) => c.verdict.seller === 'unauthorized' || c.verdict.seller === 'expired').length;
  const belowMin = manifest.captures.filter((c) => c.verdict.price === 'below-min').length;
  const shops = new Set(manifest.captures.map((c) => `${c.platform}:${c.shop.id || c.shop.name}`)).size;
  const files = input.links.map((f) => `${f.path} (${f.urls.length})`).join(', ');
  const brand = input.brand || '【品牌 / brand】';
  return [
    `投诉渠道 / Portal: ${PORTAL[channel].zh} / ${PORTAL[channel].en}`,
    '',
    '权利人 / Right holder: 【请填写权利人名称 / fill in the right holder】',
    `知识产权 / IP right: 【请填写“${brand}”注册商标号及类别 / fill in the registration number and class of the "${brand}" trademark】`,
    '投诉对象 / Target: 商品链接（每行一个） / listing links, one per line',
    `链接文件 / Link files: ${files}`,
    `涉及店铺 / Shops: ${shops}；商品 / listings: ${input.links.reduce((n, f) => n + f.urls.length, 0)}`,
    '',
    '投诉理由 / Reason:',
    `- ${unauthorized} 项取证中的店铺不在品牌方 ${input.listUpdatedAt || '【日期】'} 版授权名单内（未经授权销售）。`,
    `  ${unauthorized} capture(s) show shops that are not on the brand's authorized list of ${input.listUpdatedAt || '[date]'} (unauthorized sale).`,
    ...(belowMin > 0
      ? [
          `- ${belowMin} 项取证中的价格低于该名单所列最低价（供品牌方内部参考）。`,
          `  ${belowMin} capture(s) show a price below the minimum in that list (for the brand's own reference).`,
        ]
      : []),
    '',
    `证据 / Evidence: evidence/${input.packageName}（含截图、页面源码、SHA-256 清单、可信时间戳与签名；证据目录见 evidence-index.csv / evidence-index.html）`,
    `Evidence: evidence/${input.packageName} (screenshots, page source, SHA-256 manifest, trusted timestamps and signature; index in evidence-index.csv / .html)`,
    '',
  ].join('\r\n');
}
