import { renderToStaticMarkup } from 'react-dom/server';
import type { ChatJson, ChatMessage } from '@/utils/model/chat';
import { currentLocale, translate, type Locale } from '@/utils/i18n/locale';
import { chatMessages } from '@/utils/chat/chat-messages';

// chat.html: a readable transcript beside chat.json, rendered by React to static markup, so every
// value from the page is escaped by the renderer; no scripts, inline CSS only, and a CSP that
// forbids the network.

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

type ChatLabel = keyof (typeof chatMessages)['en'];
type Label = (key: ChatLabel, params?: Record<string, string | number>) => string;

/** A zip-relative image path, or undefined for anything that could leave the package. */
function safeRelativePath(path: string): string | undefined {
  return /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(path) && !path.split('/').includes('..') ? path : undefined;
}

function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function Row({ label, value }: { label: string; value: string | number | undefined }) {
  if (value === undefined || value === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

function Message({ m, t, firstImage }: { m: ChatMessage; t: Label; firstImage: number }) {
  const who = m.name ? `${t(m.role)} · ${m.name}` : t(m.role);
  const parsed = m.time ? `${t('parsedTime')} ${m.time}` : m.timeText ? t('unparsedTime') : '';
  const meta = [who, m.timeText, parsed ? `(${parsed})` : '', m.recalled ? t('recalled') : ''].filter((s) => s !== '').join('  ');
  const images = m.images.map(safeRelativePath).filter((p): p is string => p !== undefined);
  const links = m.links ?? [];
  const classes = ['msg', m.role, m.recalled ? 'recalled' : ''].filter((c) => c !== '').join(' ');
  return (
    <div className={classes} data-role={m.role}>
      <div className="meta">{meta}</div>
      <div className="bubble">
        {m.text}
        {images.map((p, i) => (
          // fetchPriority low: React 19 would otherwise add a preload <link> for every image
          <img key={p} src={p} alt={t('image', { n: firstImage + i })} fetchPriority="low" />
        ))}
      </div>
      {links.length > 0 && (
        <div className="links">
          {links.map((l, i) => (
            <div key={i}>{`${l.text || l.href}: ${l.href}`}</div>
          ))}
        </div>
      )}
    </div>
  );
}

function ChatTranscript({ chat, locale }: { chat: ChatJson; locale: Locale }) {
  const t: Label = (key, params) => translate(chatMessages, key, params, locale);
  const complete = chat.complete === undefined ? undefined : chat.complete ? t('completeYes') : t('completeNo', { reason: chat.stoppedReason ?? '' });
  const title = chat.shop.name ? `${t('title')} · ${chat.shop.name}` : t('title');
  // images are numbered across the whole conversation
  let nextImage = 1;
  const firstImages = chat.messages.map((m) => {
    const first = nextImage;
    nextImage += m.images.filter((p) => safeRelativePath(p) !== undefined).length;
    return first;
  });
  return (
    <html lang={locale === 'zh-CN' ? 'zh-CN' : 'en'}>
      <head>
        <meta charSet="utf-8" />
        <meta httpEquiv="Content-Security-Policy" content={CHAT_CSP} />
        <meta name="referrer" content="no-referrer" />
        <title>{title}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <header>
          <h1>{title}</h1>
          <dl>
            <Row label={t('platform')} value={chat.platform} />
            <Row label={t('shop')} value={chat.shop.name} />
            <Row label={t('shopId')} value={chat.shop.id} />
            <Row label={t('sellerNick')} value={chat.sellerNick} />
            <Row label={t('item')} value={chat.itemLink} />
            <Row label={t('url')} value={chat.url} />
            <Row label={t('capturedAt')} value={chat.capturedAt} />
            <Row label={t('messageCount')} value={chat.messageCount ?? chat.messages.length} />
            <Row label={t('complete')} value={complete} />
          </dl>
          <p className="note">{t('note', { offset: offsetLabel(chat.utcOffsetMinutes ?? 480) })}</p>
        </header>
        <main>
          {chat.messages.length > 0 ? chat.messages.map((m, i) => <Message key={i} m={m} t={t} firstImage={firstImages[i] ?? 1} />) : <p>{t('noMessages')}</p>}
        </main>
      </body>
    </html>
  );
}

export function renderChatHtml(chat: ChatJson, options: ChatHtmlOptions = {}): string {
  const locale = options.locale ?? currentLocale();
  return `<!DOCTYPE html>\n${renderToStaticMarkup(<ChatTranscript chat={chat} locale={locale} />)}\n`;
}
