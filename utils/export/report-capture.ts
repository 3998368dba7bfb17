import type { ManifestCapture, ManifestFile } from '@/utils/model/manifest';
import { escapeHtml } from '@/utils/export/escape-html';
import { both, fieldRow, priceFinding, sellerFinding } from '@/utils/export/report-text';
import { trustTable } from '@/utils/export/report-trust';

// One capture's section of report.html: screenshots, the page data, warnings, the environment
// and every file's SHA-256. URLs are shown as text, never as links (they came from the page).

const SHOWN_IMAGES = /^image\/(png|jpeg|gif|webp)$/;

function screenshots(capture: ManifestCapture, files: ReadonlyMap<string, ManifestFile>): string {
  const figures = capture.files
    .filter((path) => SHOWN_IMAGES.test(files.get(path)?.mediaType ?? ''))
    .map((path) => {
      const made = capture.artifacts?.find((a) => `captures/${capture.id}/${a.path}` === path);
      const caption = [path, made?.method, made?.note].filter(Boolean).join(' · ');
      // The path is one this package wrote (validated ASCII under captures/), so it stays relative.
      return `<figure><img src="${escapeHtml(path)}" alt="${escapeHtml(path)}" loading="lazy"><figcaption>${escapeHtml(caption)}</figcaption></figure>`;
    });
  return figures.length ? figures.join('\n') : `<p>—</p>`;
}

function dataTable(c: ManifestCapture): string {
  const list = [c.verdict.listBrand, c.verdict.listId, c.verdict.listUpdatedAt, c.verdict.productCode && `${c.verdict.productCode} ≥ ${c.verdict.minPrice ?? '?'}`]
    .filter(Boolean)
    .join(' · ');
  return [
    `<tr><th scope="row">${both('fieldKind')}</th><td>${both(c.kind === 'chat' ? 'kindChat' : 'kindListing')}</td></tr>`,
    fieldRow('fieldUrl', c.url),
    fieldRow('fieldFinalUrl', c.finalUrl),
    fieldRow('fieldPageTitle', c.pageTitle),
    fieldRow('colPlatform', c.platform),
    fieldRow('fieldItemId', c.itemId),
    fieldRow('fieldTitle', c.title),
    fieldRow('fieldShopName', c.shop.name),
    fieldRow('fieldShopId', c.shop.id),
    fieldRow('fieldSellerId', c.shop.sellerId),
    c.price.lowest ? fieldRow('fieldPrice', c.price.lowest) : `<tr><th scope="row">${both('fieldPrice')}</th><td>${both('notShown')}</td></tr>`,
    `<tr><th scope="row">${both('fieldSeller')}</th><td>${sellerFinding(c.verdict)} <code>${escapeHtml(c.verdict.seller)}</code></td></tr>`,
    `<tr><th scope="row">${both('fieldPriceCheck')}</th><td>${priceFinding(c.verdict)} <code>${escapeHtml(c.verdict.price)}</code></td></tr>`,
    fieldRow('fieldList', list),
    fieldRow('fieldStartedAt', c.startedAt),
    fieldRow('fieldCapturedAt', c.capturedAt),
    fieldRow('fieldInvestigator', c.investigator),
    fieldRow('fieldExtractor', c.extractorVersion),
    c.notes ? fieldRow('fieldNotes', c.notes) : '',
  ].join('\n');
}

function environmentTable(c: ManifestCapture): string {
  const e = c.environment;
  const others = (e.otherExtensions ?? []).map((x) => `${x.name} ${x.version} (${x.id})${x.enabled ? '' : ' [off]'}`).join('; ');
  return [
    fieldRow('envBrowser', e.browser),
    fieldRow('envUserAgent', e.userAgent),
    fieldRow('envOs', e.os),
    fieldRow('envTimeZone', e.timeZone),
    fieldRow('envLanguage', e.language),
    fieldRow('envViewport', `${e.viewport.width}×${e.viewport.height} @${e.viewport.devicePixelRatio}x`),
    fieldRow('envExtension', e.extensionVersion),
    e.otherExtensions ? fieldRow('envOtherExtensions', others || '—') : '',
  ].join('\n');
}

function filesTable(c: ManifestCapture, files: ReadonlyMap<string, ManifestFile>): string {
  const rows = c.files.map((path) => {
    const f = files.get(path);
    const made = c.artifacts?.find((a) => `captures/${c.id}/${a.path}` === path);
    return `<tr><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(f?.mediaType)}</td><td>${escapeHtml(f?.bytes)}</td><td class="hash">${escapeHtml(f?.sha256)}</td><td>${escapeHtml([made?.method, made?.note].filter(Boolean).join(' · '))}</td></tr>`;
  });
  return `<table><thead><tr><th>${both('colPath')}</th><th>${both('colMediaType')}</th><th>${both('colBytes')}</th><th>SHA-256</th><th>${both('colMethod')}</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

export function captureSection(c: ManifestCapture, n: number, files: ReadonlyMap<string, ManifestFile>): string {
  const warnings = c.warnings.length ? `<ul class="warnings">${c.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>` : `<p>${both('noWarnings')}</p>`;
  return `<section class="capture" id="capture-${n}">
<h2>${both('captureHeading', { n })}</h2>
<p>${both('evidenceId')}: <code>${escapeHtml(c.id)}</code></p>
<h3>${both('screenshots')}</h3>
${screenshots(c, files)}
<h3>${both('trust')}</h3>
${trustTable(c, files)}
<h3>${both('data')}</h3>
<table><tbody>${dataTable(c)}</tbody></table>
<h3>${both('warnings')}</h3>
${warnings}
<h3>${both('environment')}</h3>
<table><tbody>${environmentTable(c)}</tbody></table>
<h3>${both('files')}</h3>
${filesTable(c, files)}
</section>`;
}
