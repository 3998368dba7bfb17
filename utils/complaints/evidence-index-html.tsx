import { renderToStaticMarkup } from 'react-dom/server';
import { translate, type Locale } from '@/utils/i18n/locale';
import { complaintMessages } from '@/utils/complaints/complaint-messages';
import { INDEX_COLUMNS, type IndexRow } from '@/utils/complaints/evidence-index';

// The evidence index as a printable page (证据目录): both languages, Chinese first, no script and
// no network; every value comes from sellers' pages and is escaped by the renderer.

const STYLE = `
body{font:12px/1.5 "PingFang SC","Microsoft YaHei",sans-serif;color:#111;margin:24px}
h1{font-size:18px;margin:0 0 4px}h2{font-size:15px;margin:28px 0 4px}
table{border-collapse:collapse;width:100%;margin-top:8px}
th,td{border:1px solid #999;padding:3px 5px;vertical-align:top;text-align:left}
td.hash,td.url{font-family:monospace;font-size:10px;word-break:break-all}
.muted{color:#666}
@media print{body{margin:0}section{page-break-after:always}}
`;

type ComplaintLabel = keyof (typeof complaintMessages)['en'];

// The printed page leaves out the long capture id and the title; the CSV has every column.
const COLUMNS = INDEX_COLUMNS.filter((c): c is Exclude<(typeof INDEX_COLUMNS)[number], 'captureId' | 'title'> => c !== 'captureId' && c !== 'title');

function IndexTable({ rows, locale, packageName, generatedAt }: { rows: readonly IndexRow[]; locale: Locale; packageName: string; generatedAt: string }) {
  const t = (key: ComplaintLabel, params?: Record<string, string | number>) => translate(complaintMessages, key, params, locale);
  return (
    <section lang={locale}>
      <h1>{t('indexTitle')}</h1>
      <p className="muted">{t('generated', { at: generatedAt, package: packageName, count: rows.length })}</p>
      <table>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c}>{t(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.captureId} data-capture-id={r.captureId}>
              {COLUMNS.map((c) => (
                <td key={c} className={c === 'sealSha256' ? 'hash' : c === 'url' ? 'url' : undefined}>
                  {c === 'trustedTime' && r[c] === '' ? t('notStamped') : r[c]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('verifyNote')}</p>
    </section>
  );
}

export function evidenceIndexHtml(rows: readonly IndexRow[], packageName: string, generatedAt: string): string {
  const page = (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta httpEquiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" />
        <title>证据目录 / Evidence index</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <IndexTable rows={rows} locale="zh-CN" packageName={packageName} generatedAt={generatedAt} />
        <IndexTable rows={rows} locale="en" packageName={packageName} generatedAt={generatedAt} />
      </body>
    </html>
  );
  return `<!DOCTYPE html>\n${renderToStaticMarkup(page)}\n`;
}
