import { renderToStaticMarkup } from 'react-dom/server';
import type { CustodyRecord } from '@/utils/db/database';
import type { Locale } from '@/utils/i18n/locale';
import type { ManifestCapture, ManifestFile } from '@/utils/model/manifest';
import { CaptureSection } from '@/utils/export/report-capture';
import type { ReportKey } from '@/utils/export/report-messages';
import { REPORT_CSS } from '@/utils/export/report-style';
import { Both, PriceFinding, SellerFinding } from '@/utils/export/report-text';
import { SignerTable, VerifyTrust, type ReportSigner } from '@/utils/export/report-trust';

// report.html: one self-contained page rendered by React on the exporting side (page strings are
// React text, escaped by React). No script, no network (the CSP forbids both); images are the
// package's own files by relative path, so the page works from the unpacked folder.

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
  /** who signs the package (signature.json) */
  signer?: ReportSigner;
}

const EVENT_KEY: Record<CustodyRecord['event'], ReportKey> = {
  capture: 'eventCapture',
  note: 'eventNote',
  view: 'eventView',
  export: 'eventExport',
  'case-status': 'eventCaseStatus',
  delete: 'eventDelete',
  uploaded: 'eventUploaded',
};

function Th({ k }: { k: ReportKey }) {
  return (
    <th>
      <Both k={k} />
    </th>
  );
}

function SummaryTable({ captures }: { captures: readonly ManifestCapture[] }) {
  return (
    <table>
      <thead>
        <tr>
          {(['colNo', 'colPlatform', 'colShop', 'colItem', 'colPrice', 'colVerdict', 'colCapturedAt'] as const).map((k) => (
            <Th key={k} k={k} />
          ))}
        </tr>
      </thead>
      <tbody>
        {captures.map((c, i) => (
          <tr key={c.id}>
            <td>
              <a href={`#capture-${i + 1}`}>{i + 1}</a>
            </td>
            <td>{c.platform}</td>
            <td>
              {c.shop.name}
              <br />
              <code>{c.shop.id}</code>
            </td>
            <td>
              {c.title}
              <br />
              <code>{c.itemId}</code>
            </td>
            <td>{c.price.lowest ? c.price.lowest : <Both k="notShown" />}</td>
            <td>
              <SellerFinding verdict={c.verdict} />
              <br />
              <PriceFinding verdict={c.verdict} />
            </td>
            <td>{c.capturedAt}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CustodyTable({ entries }: { entries: readonly CustodyRecord[] }) {
  if (!entries.length) {
    return (
      <p>
        <Both k="custodyNone" />
      </p>
    );
  }
  return (
    <>
      <p>
        <Both k="custodyIntro" />
      </p>
      <table>
        <thead>
          <tr>
            {(['colSeq', 'colTime', 'colEvent', 'evidenceId', 'colActor', 'colDetail', 'colHash'] as const).map((k) => (
              <Th key={k} k={k} />
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{e.seq}</td>
              <td>{e.at}</td>
              <td>
                <Both k={EVENT_KEY[e.event] ?? 'eventNote'} />
              </td>
              <td>
                <code>{e.captureId}</code>
              </td>
              <td>{e.actor}</td>
              <td>{e.detail}</td>
              <td className="hash">
                {e.hash}
                <br />← {e.prevHash}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function VerifySection({ packageName }: { packageName: string }) {
  return (
    <>
      <h2 id="verify">
        <Both k="verifyHeading" />
      </h2>
      <p>
        <Both k="verifyIntro" />
      </p>
      <p>
        <Both k="verifySha" />
      </p>
      <pre>sha256sum -c SHA256SUMS</pre>
      <p>
        <Both k="verifyNpm" />
      </p>
      <pre>npm run verify -- {packageName}</pre>
      <p>
        <Both k="verifyNote" />
      </p>
      <VerifyTrust packageName={packageName} />
    </>
  );
}

function Report({ input }: { input: ReportInput }) {
  const files = new Map(input.files.map((f) => [f.path, f]));
  const custodyFile = files.get('custody.json');
  return (
    <html lang={input.locale === 'zh-CN' ? 'zh-CN' : 'en'}>
      <head>
        <meta charSet="utf-8" />
        <meta httpEquiv="Content-Security-Policy" content={REPORT_CSP} />
        <meta name="referrer" content="no-referrer" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>ListingProof — 证据报告 / Evidence report</title>
        {/* Our own constant: as text React would escape the quotes its selectors need. */}
        <style dangerouslySetInnerHTML={{ __html: REPORT_CSS }} />
      </head>
      <body>
        <input type="radio" name="lang" id="lang-zh" className="lang-radio" defaultChecked={input.locale === 'zh-CN'} />
        <input type="radio" name="lang" id="lang-en" className="lang-radio" defaultChecked={input.locale === 'en'} />
        <div className="doc">
          <nav className="toggle">
            <label htmlFor="lang-zh">中文</label>
            <label htmlFor="lang-en">English</label>
          </nav>
          <h1>
            <Both k="title" />
          </h1>
          <table>
            <tbody>
              <tr>
                <th scope="row">
                  <Both k="createdAt" />
                </th>
                <td>{input.createdAt}</td>
              </tr>
              <tr>
                <th scope="row">
                  <Both k="software" />
                </th>
                <td>listingproof {input.softwareVersion}</td>
              </tr>
              <tr>
                <th scope="row">
                  <Both k="captureCount" />
                </th>
                <td>{input.captures.length}</td>
              </tr>
            </tbody>
          </table>
          <h2>
            <Both k="signer" />
          </h2>
          <SignerTable signer={input.signer} />
          <h2>
            <Both k="summary" />
          </h2>
          <SummaryTable captures={input.captures} />
          {input.captures.map((c, i) => (
            <CaptureSection key={c.id} c={c} n={i + 1} files={files} />
          ))}
          <h2>
            <Both k="custody" />
          </h2>
          <CustodyTable entries={input.custody} />
          {custodyFile ? (
            <p>
              <code>custody.json</code> SHA-256: <span className="hash">{custodyFile.sha256}</span>
            </p>
          ) : null}
          <VerifySection packageName={input.packageName ?? 'package.zip'} />
        </div>
      </body>
    </html>
  );
}

export function reportHtml(input: ReportInput): string {
  return `<!doctype html>\n${renderToStaticMarkup(<Report input={input} />)}\n`;
}
