import { renderToStaticMarkup } from 'react-dom/server';
import type { Locale } from '@/utils/i18n/locale';

// The filled letter as a printable page: no script, no network, the text through React so that
// whatever a shop calls itself stays text (the CSS has no quotes, which React would escape).

const STYLE = `
body{font:14px/1.7 PingFang SC,Microsoft YaHei,Songti SC,serif;color:#111;margin:40px auto;max-width:720px}
.letter{white-space:pre-wrap;word-break:break-word}
@page{size:A4;margin:20mm}
@media print{body{margin:0;max-width:none}}
`;

export function letterHtml(text: string, title: string, locale: Locale): string {
  const page = (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <title>{title}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <div className="letter" data-testid="warning-letter-text">
          {text}
        </div>
      </body>
    </html>
  );
  return `<!doctype html>\n${renderToStaticMarkup(page)}`;
}
