import type { ManifestCapture, ManifestFile } from '@/utils/model/manifest';
import { SEAL_PATH } from '@/utils/model/trust';
import { escapeHtml } from '@/utils/export/escape-html';
import { both, fieldRow } from '@/utils/export/report-text';

// report.html's trust parts: per capture the seal's hash and the token's time and TSA; for the
// package the signer's key fingerprint; and how anyone checks a token with openssl.

export interface ReportSigner {
  keyId: string;
  name: string;
  org: string;
}

const LATE_MS = 10 * 60_000;

export function trustTable(c: ManifestCapture, files: ReadonlyMap<string, ManifestFile>): string {
  const seal = files.get(`captures/${c.id}/${SEAL_PATH}`);
  if (!seal) return `<p>${both('trustNone')}</p>`;
  const ts = c.timestamp;
  const statusKey = ts?.status === 'stamped' ? 'trustStamped' : ts?.status === 'failed' ? 'trustFailed' : 'trustPending';
  const rows = [`<tr><th scope="row">${both('trustStatus')}</th><td data-timestamp="${escapeHtml(ts?.status ?? 'pending')}">${both(statusKey)}</td></tr>`];
  if (ts?.status === 'stamped') {
    rows.push(fieldRow('trustedTime', ts.genTime));
    const late = ts.genTime ? Date.parse(ts.genTime) - Date.parse(c.capturedAt) : 0;
    if (late > LATE_MS) rows.push(`<tr><th></th><td>${both('trustLate', { minutes: Math.round(late / 60_000) })}</td></tr>`);
    rows.push(fieldRow('tsaSerial', ts.serial));
  }
  if (ts?.tsa) rows.push(fieldRow('tsa', ts.tsa));
  rows.push(`<tr><th scope="row">${both('sealHash')}</th><td class="hash">${escapeHtml(seal.sha256)}</td></tr>`);
  return `<table><tbody>${rows.join('\n')}</tbody></table>`;
}

export function signerTable(signer: ReportSigner | undefined): string {
  if (!signer) return `<p>${both('unsigned')}</p>`;
  return `<table><tbody>
<tr><th scope="row">${both('keyFingerprint')}</th><td class="hash" data-key-id="${escapeHtml(signer.keyId)}">${escapeHtml(signer.keyId)}</td></tr>
${fieldRow('signerName', [signer.name || '—', signer.org || '—'].join(' / '))}
</tbody></table>`;
}

export function verifyTrustText(packageName: string): string {
  return `<p>${both('verifyTsa')}</p>
<pre>openssl ts -verify -data seal.json -in seal.tsr -CAfile &lt;root&gt;</pre>
<p>${both('verifySignature')}</p>
<p>${both('verifyTrust')}</p>
<pre>npm run verify -- ${escapeHtml(packageName)} --trust &lt;root.pem&gt; --require-timestamps</pre>`;
}
