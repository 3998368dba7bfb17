import type { ChatJson, ChatMessage } from '@/utils/model/chat';
import { escapeHtml } from '@/utils/export/escape-html';
import { currentLocale, translate, type Locale } from '@/utils/i18n/locale';
import { chatMessages } from '@/utils/chat/chat-messages';

// chat.html: a readable transcript beside chat.json. A generated string, so every value from the
// page goes through escapeHtml; no scripts, inline CSS only, and a CSP that forbids the network.

export const CHAT_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLE = `
body{margin:0;background:#f5f5f5;color:#222;font:14px/1.55 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif}
header{background:#fff;border-bottom:1px solid #ddd;padding:16px 24px}
h1{margin:0 0 8px;font-size:20px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}
dt{color:#666}dd{margin:0;word-break:break-all}
main{max-width:860px;margin:0 auto;padding:16px}
.msg{display:flex;flex-direction:column;margin:10px 0;max-width:75%}
.buyer{margin-left:auto;align-items:flex-end}.seller{margin-right:auto;align-items:flex-start}
.system{margin:10px auto;align-items:center;max-width:90%;color:#777;font-size:12px}
.meta{font-size:12px;color:#888}
.bubble{padding:8px 12px;border-radius:8px;background:#fff;border:1px solid #e3e3e3;white-space:pre-wrap;word-break:break-word}
.buyer .bubble{background:#dff3e4;border-color:#bfe3c8}
.system .bubble{background:transparent;border:0;padding:2px}
.recalled .bubble{text-decoration:line-through;color:#999}
.bubble img{display:block;max-width:320px;max-height:320px;margin-top:6px}
.links{font-size:12px;word-break:break-all}
.note{color:#777;font-size:12px;margin-top:8px}
`;

export interface ChatHtmlOptions {
  locale?: Locale;
}

/** A zip-relative image path, or undefined for anything that could leave the package. */
function safeRelativePath(path: string): string | undefined {
  return /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(path) && !path.split('/').includes('..') ? path : undefined;
}

function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function row(label: string, value: string | number | undefined): string {
  return value === undefined || value === '' ? '' : `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`;
}

type ChatLabel = keyof (typeof chatMessages)['en'];
type Label = (key: ChatLabel, params?: Record<string, string | number>) => string;

function renderMessage(m: ChatMessage, t: Label, imageCounter: { n: number }): string {
  const who = m.name ? `${t(m.role)} · ${m.name}` : t(m.role);
  const parsed = m.time ? `${t('parsedTime')} ${m.time}` : m.timeText ? t('unparsedTime') : '';
  const meta = [who, m.timeText, parsed ? `(${parsed})` : '', m.recalled ? t('recalled') : ''].filter((s) => s !== '').join('  ');
  const images = m.images
    .map((p) => safeRelativePath(p))
    .filter((p): p is string => p !== undefined)
    .map((p) => `<img src="${escapeHtml(p)}" alt="${escapeHtml(t('image', { n: ++imageCounter.n }))}">`)
    .join('');
  const links = (m.links ?? []).map((l) => `<div>${escapeHtml(l.text || l.href)}: ${escapeHtml(l.href)}</div>`).join('');
  const classes = ['msg', m.role, m.recalled ? 'recalled' : ''].filter((c) => c !== '').join(' ');
  return `<div class="${classes}" data-role="${escapeHtml(m.role)}"><div class="meta">${escapeHtml(meta)}</div><div class="bubble">${escapeHtml(m.text)}${images}</div>${links ? `<div class="links">${links}</div>` : ''}</div>`;
}

export function renderChatHtml(chat: ChatJson, options: ChatHtmlOptions = {}): string {
  const locale = options.locale ?? currentLocale();
  const t: Label = (key, params) => translate(chatMessages, key, params, locale);
  const counter = { n: 0 };
  const complete = chat.complete === undefined ? undefined : chat.complete ? t('completeYes') : t('completeNo', { reason: chat.stoppedReason ?? '' });
  const header = [
    row(t('platform'), chat.platform),
    row(t('shop'), chat.shop.name),
    row(t('shopId'), chat.shop.id),
    row(t('sellerNick'), chat.sellerNick),
    row(t('item'), chat.itemLink),
    row(t('url'), chat.url),
    row(t('capturedAt'), chat.capturedAt),
    row(t('messageCount'), chat.messageCount ?? chat.messages.length),
    row(t('complete'), complete),
  ].join('');
  const body = chat.messages.length > 0 ? chat.messages.map((m) => renderMessage(m, t, counter)).join('\n') : `<p>${escapeHtml(t('noMessages'))}</p>`;
  const title = chat.shop.name ? `${t('title')} · ${chat.shop.name}` : t('title');
  return `<!DOCTYPE html>
<html lang="${locale === 'zh-CN' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CHAT_CSP)}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><dl>${header}</dl><p class="note">${escapeHtml(t('note', { offset: offsetLabel(chat.utcOffsetMinutes ?? 480) }))}</p></header>
<main>
${body}
</main>
</body>
</html>
`;
}
