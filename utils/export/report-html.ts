import type { CustodyRecord } from '@/utils/db/database';
import type { Locale } from '@/utils/i18n/locale';
import type { ManifestCapture, ManifestFile } from '@/utils/model/manifest';
import { escapeHtml } from '@/utils/export/escape-html';
import { captureSection } from '@/utils/export/report-capture';
import type { ReportKey } from '@/utils/export/report-messages';
import { REPORT_CSS } from '@/utils/export/report-style';
import { both, priceFinding, sellerFinding } from '@/utils/export/report-text';

// report.html: one self-contained page. No script, no network (the CSP forbids both); images
// are the package's own files by relative path, so the page works from the unpacked folder.

export const REPORT_CSP = "default-src 'none'; img-src 'self' data: ; style-src 'unsafe-inline'";

export interface ReportInput {
  createdAt: string;
  softwareVersion: string;
  locale: Locale;
  captures: readonly ManifestCapture[];
  /** every file of the package known when the report is written (all but report.html itself) */
  files: readonly ManifestFile[];
  custody: readonly CustodyRecord[];
  /** the name to use in the verify command */
  packageName?: string;
}

const EVENT_KEY: Record<CustodyRecord['event'], ReportKey> = { capture: 'eventCapture', note: 'eventNote', view: 'eventView', export: 'eventExport', uploaded: 'eventUploaded' };

function summaryTable(captures: readonly ManifestCapture[]): string {
  const rows = captures.map(
    (c, i) =>
      `<tr><td><a href="#capture-${i + 1}">${i + 1}</a></td><td>${escapeHtml(c.platform)}</td><td>${escapeHtml(c.shop.name)}<br><code>${escapeHtml(c.shop.id)}</code></td><td>${escapeHtml(c.title)}<br><code>${escapeHtml(c.itemId)}</code></td><td>${c.price.lowest ? escapeHtml(c.price.lowest) : both('notShown')}</td><td>${sellerFinding(c.verdict)}<br>${priceFinding(c.verdict)}</td><td>${escapeHtml(c.capturedAt)}</td></tr>`,
  );
  const head = (['colNo', 'colPlatform', 'colShop', 'colItem', 'colPrice', 'colVerdict', 'colCapturedAt'] as const).map((k) => `<th>${both(k)}</th>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function custodyTable(entries: readonly CustodyRecord[]): string {
  if (!entries.length) return `<p>${both('custodyNone')}</p>`;
  const head = (['colSeq', 'colTime', 'colEvent', 'evidenceId', 'colActor', 'colDetail', 'colHash'] as const).map((k) => `<th>${both(k)}</th>`).join('');
  const rows = entries.map(
    (e) =>
      `<tr><td>${escapeHtml(e.seq)}</td><td>${escapeHtml(e.at)}</td><td>${both(EVENT_KEY[e.event] ?? 'eventNote')}</td><td><code>${escapeHtml(e.captureId)}</code></td><td>${escapeHtml(e.actor)}</td><td>${escapeHtml(e.detail)}</td><td class="hash">${escapeHtml(e.hash)}<br>← ${escapeHtml(e.prevHash)}</td></tr>`,
  );
  return `<p>${both('custodyIntro')}</p><table><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function verifySection(packageName: string): string {
  return `<h2 id="verify">${both('verifyHeading')}</h2>
<p>${both('verifyIntro')}</p>
<p>${both('verifySha')}</p>
<pre>sha256sum -c SHA256SUMS</pre>
<p>${both('verifyNpm')}</p>
<pre>npm run verify -- ${escapeHtml(packageName)}</pre>
<p>${both('verifyNote')}</p>`;
}

export function reportHtml(input: ReportInput): string {
  const files = new Map(input.files.map((f) => [f.path, f]));
  const zhChecked = input.locale === 'zh-CN' ? ' checked' : '';
  const enChecked = input.locale === 'en' ? ' checked' : '';
  return `<!doctype html>
<html lang="${input.locale === 'zh-CN' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ListingProof — 证据报告 / Evidence report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<input type="radio" name="lang" id="lang-zh" class="lang-radio"${zhChecked}>
<input type="radio" name="lang" id="lang-en" class="lang-radio"${enChecked}>
<div class="doc">
<nav class="toggle"><label for="lang-zh">中文</label><label for="lang-en">English</label></nav>
<h1>${both('title')}</h1>
<table><tbody>
<tr><th scope="row">${both('createdAt')}</th><td>${escapeHtml(input.createdAt)}</td></tr>
<tr><th scope="row">${both('software')}</th><td>listingproof ${escapeHtml(input.softwareVersion)}</td></tr>
<tr><th scope="row">${both('captureCount')}</th><td>${input.captures.length}</td></tr>
</tbody></table>
<h2>${both('summary')}</h2>
${summaryTable(input.captures)}
${input.captures.map((c, i) => captureSection(c, i + 1, files)).join('\n')}
<h2>${both('custody')}</h2>
${custodyTable(input.custody)}
${files.has('custody.json') ? `<p><code>custody.json</code> SHA-256: <span class="hash">${escapeHtml(files.get('custody.json')?.sha256)}</span></p>` : ''}
${verifySection(input.packageName ?? 'package.zip')}
</div>
</body>
</html>
`;
}
