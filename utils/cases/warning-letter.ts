import type { Locale } from '@/utils/i18n/locale';

// The warning letter (警告函): a template with {{placeholders}} filled from a case. The result is
// plain text; the printable page renders it through React, so a shop name is never markup.

export const LETTER_PLACEHOLDERS = [
  'shop',
  'shopId',
  'platform',
  'links',
  'brand',
  'listVersion',
  'deadline',
  'date',
  'investigatorOrg',
  'investigator',
] as const;
export type LetterPlaceholder = (typeof LETTER_PLACEHOLDERS)[number];

export interface LetterData {
  shop: string;
  shopId: string;
  platform: string;
  /** canonical listing URLs, one per line in the letter */
  links: readonly string[];
  brand: string;
  listVersion: string;
  /** when the seller must have acted, as shown to people */
  deadline: string;
  date: string;
  investigatorOrg: string;
  investigator: string;
}

export interface FilledLetter {
  text: string;
  /** placeholders the template names that we do not know: left visible in the text */
  unknown: string[];
}

const PLACEHOLDER = /\{\{\s*([^{}\s]*)\s*\}\}/g;

function isKnown(name: string): name is LetterPlaceholder {
  return (LETTER_PLACEHOLDERS as readonly string[]).includes(name);
}

export function fillLetter(template: string, data: LetterData): FilledLetter {
  const unknown = new Set<string>();
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isKnown(name)) {
      unknown.add(name || whole);
      return whole;
    }
    return name === 'links' ? data.links.join('\n') : data[name];
  });
  return { text, unknown: [...unknown] };
}

/** 48 hours from `now`: the usual time a seller is given to take a listing down. */
export function defaultDeadline(now: Date = new Date()): Date {
  return new Date(now.getTime() + 48 * 3_600_000);
}

/** `YYYY-MM-DD HH:mm` in local time, the form a letter shows and a datetime-local input takes. */
export function localDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export const DEFAULT_LETTER_TEMPLATES: Record<Locale, string> = {
  'zh-CN': `警告函

致：{{platform}} 店铺「{{shop}}」（店铺 ID：{{shopId}}）经营者

我方受「{{brand}}」品牌权利人委托，负责其知识产权保护及授权经销管理。经查，贵店铺未列入品牌方授权经销商名单（名单版本：{{listVersion}}），却在销售标有该品牌的商品，涉及以下商品链接：

{{links}}

上述行为可能侵犯权利人的注册商标专用权。我方已对上述页面进行了电子数据取证（含哈希校验及可信时间戳）。

请贵方于 {{deadline}} 前下架上述全部商品链接，并书面回复本函。逾期未处理的，我方将向平台提交知识产权投诉，并保留依法追究法律责任的权利。

{{investigatorOrg}}
经办人：{{investigator}}
日期：{{date}}
`,
  en: `WARNING LETTER

To: the operator of the {{platform}} shop "{{shop}}" (shop id {{shopId}})

We act for the right holder of the brand "{{brand}}" in the protection of its intellectual property and the management of its authorized resellers. Your shop is not on the brand's list of authorized resellers (list version {{listVersion}}), yet it offers goods bearing the brand at the following listings:

{{links}}

This may infringe the right holder's registered trademark. The listings above have been preserved as electronic evidence (hashed and time-stamped).

Please take down every listing above by {{deadline}} and reply to this letter in writing. Otherwise we will file an intellectual property complaint with the platform and reserve every legal remedy.

{{investigatorOrg}}
Contact: {{investigator}}
Date: {{date}}
`,
};
