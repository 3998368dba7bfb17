import type { ManifestCapture, ManifestFile } from '@/utils/model/manifest';
import { Both, FieldRow, PriceFinding, SellerFinding } from '@/utils/export/report-text';
import { TrustTable } from '@/utils/export/report-trust';

// One capture's section of report.html: screenshots, seal and trusted time, the page data,
// warnings, the environment and every file's SHA-256. URLs are shown as text, never as links
// (they came from the page).

const SHOWN_IMAGES = /^image\/(png|jpeg|gif|webp)$/;

type Files = ReadonlyMap<string, ManifestFile>;

function madeBy(c: ManifestCapture, path: string) {
  return c.artifacts?.find((a) => `captures/${c.id}/${a.path}` === path);
}

function Screenshots({ c, files }: { c: ManifestCapture; files: Files }) {
  const shown = c.files.filter((path) => SHOWN_IMAGES.test(files.get(path)?.mediaType ?? ''));
  if (!shown.length) return <p>—</p>;
  return (
    <>
      {shown.map((path) => {
        const made = madeBy(c, path);
        // The path is one this package wrote (validated ASCII under captures/), so it stays relative.
        return (
          <figure key={path}>
            <img src={path} alt={path} loading="lazy" />
            <figcaption>{[path, made?.method, made?.note].filter(Boolean).join(' · ')}</figcaption>
          </figure>
        );
      })}
    </>
  );
}

function DataRows({ c }: { c: ManifestCapture }) {
  const list = [
    c.verdict.listBrand,
    c.verdict.listId,
    c.verdict.listUpdatedAt,
    c.verdict.productCode && `${c.verdict.productCode} ≥ ${c.verdict.minPrice ?? '?'}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <tr>
        <th scope="row">
          <Both k="fieldKind" />
        </th>
        <td>
          <Both k={c.kind === 'chat' ? 'kindChat' : c.kind === 'search' ? 'kindSearch' : 'kindListing'} />
        </td>
      </tr>
      <FieldRow label="fieldUrl" value={c.url} />
      <FieldRow label="fieldFinalUrl" value={c.finalUrl} />
      <FieldRow label="fieldPageTitle" value={c.pageTitle} />
      {c.kind !== 'search' && c.source?.searchUrl ? (
        <tr>
          <th scope="row">
            <Both k="fieldFoundVia" />
          </th>
          <td>
            {[c.source.searchUrl, c.source.keyword].filter(Boolean).join(' · ')}
            {c.source.contextCaptureId ? (
              <>
                {' · '}
                <Both k="contextCapture" params={{ id: c.source.contextCaptureId }} />
              </>
            ) : null}
          </td>
        </tr>
      ) : null}
      <FieldRow label="colPlatform" value={c.platform} />
      <FieldRow label="fieldItemId" value={c.itemId} />
      <FieldRow label="fieldTitle" value={c.title} />
      <FieldRow label="fieldShopName" value={c.shop.name} />
      <FieldRow label="fieldShopId" value={c.shop.id} />
      <FieldRow label="fieldSellerId" value={c.shop.sellerId} />
      <tr>
        <th scope="row">
          <Both k="fieldPrice" />
        </th>
        <td>{c.price.lowest ? c.price.lowest : <Both k="notShown" />}</td>
      </tr>
      <tr>
        <th scope="row">
          <Both k="fieldSeller" />
        </th>
        <td>
          <SellerFinding verdict={c.verdict} /> <code>{c.verdict.seller}</code>
        </td>
      </tr>
      <tr>
        <th scope="row">
          <Both k="fieldPriceCheck" />
        </th>
        <td>
          <PriceFinding verdict={c.verdict} /> <code>{c.verdict.price}</code>
        </td>
      </tr>
      <FieldRow label="fieldList" value={list} />
      <FieldRow label="fieldStartedAt" value={c.startedAt} />
      <FieldRow label="fieldCapturedAt" value={c.capturedAt} />
      <FieldRow label="fieldInvestigator" value={c.investigator} />
      <FieldRow label="fieldExtractor" value={c.extractorVersion} />
      {c.notes ? <FieldRow label="fieldNotes" value={c.notes} /> : null}
    </>
  );
}

function EnvironmentRows({ c }: { c: ManifestCapture }) {
  const e = c.environment;
  const others = (e.otherExtensions ?? []).map((x) => `${x.name} ${x.version} (${x.id})${x.enabled ? '' : ' [off]'}`).join('; ');
  return (
    <>
      <FieldRow label="envBrowser" value={e.browser} />
      <FieldRow label="envUserAgent" value={e.userAgent} />
      <FieldRow label="envOs" value={e.os} />
      <FieldRow label="envTimeZone" value={e.timeZone} />
      <FieldRow label="envLanguage" value={e.language} />
      <FieldRow label="envViewport" value={`${e.viewport.width}×${e.viewport.height} @${e.viewport.devicePixelRatio}x`} />
      <FieldRow label="envExtension" value={e.extensionVersion} />
      {e.otherExtensions ? <FieldRow label="envOtherExtensions" value={others || '—'} /> : null}
    </>
  );
}

function FilesTable({ c, files }: { c: ManifestCapture; files: Files }) {
  return (
    <table>
      <thead>
        <tr>
          <th>
            <Both k="colPath" />
          </th>
          <th>
            <Both k="colMediaType" />
          </th>
          <th>
            <Both k="colBytes" />
          </th>
          <th>SHA-256</th>
          <th>
            <Both k="colMethod" />
          </th>
        </tr>
      </thead>
      <tbody>
        {c.files.map((path) => {
          const f = files.get(path);
          const made = madeBy(c, path);
          return (
            <tr key={path}>
              <td>
                <code>{path}</code>
              </td>
              <td>{f?.mediaType}</td>
              <td>{f?.bytes}</td>
              <td className="hash">{f?.sha256}</td>
              <td>{[made?.method, made?.note].filter(Boolean).join(' · ')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function CaptureSection({ c, n, files }: { c: ManifestCapture; n: number; files: Files }) {
  return (
    <section className="capture" id={`capture-${n}`}>
      <h2>
        <Both k="captureHeading" params={{ n }} />
      </h2>
      <p>
        <Both k="evidenceId" />: <code>{c.id}</code>
      </p>
      <h3>
        <Both k="screenshots" />
      </h3>
      <Screenshots c={c} files={files} />
      <h3>
        <Both k="trust" />
      </h3>
      <TrustTable c={c} files={files} />
      <h3>
        <Both k="data" />
      </h3>
      <table>
        <tbody>
          <DataRows c={c} />
        </tbody>
      </table>
      <h3>
        <Both k="warnings" />
      </h3>
      {c.warnings.length ? (
        <ul className="warnings">
          {c.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ) : (
        <p>
          <Both k="noWarnings" />
        </p>
      )}
      <h3>
        <Both k="environment" />
      </h3>
      <table>
        <tbody>
          <EnvironmentRows c={c} />
        </tbody>
      </table>
      <h3>
        <Both k="files" />
      </h3>
      <FilesTable c={c} files={files} />
    </section>
  );
}
