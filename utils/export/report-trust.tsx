import type { ManifestCapture, ManifestFile } from '@/utils/model/manifest';
import { SEAL_PATH } from '@/utils/model/trust';
import { Both, FieldRow } from '@/utils/export/report-text';

// report.html's trust parts: per capture the seal's hash and the token's time and TSA; for the
// package the signer's key fingerprint; and how anyone checks a token with openssl.

export interface ReportSigner {
  keyId: string;
  name: string;
  org: string;
}

const LATE_MS = 10 * 60_000;

export function TrustTable({ c, files }: { c: ManifestCapture; files: ReadonlyMap<string, ManifestFile> }) {
  const seal = files.get(`captures/${c.id}/${SEAL_PATH}`);
  if (!seal) {
    return (
      <p>
        <Both k="trustNone" />
      </p>
    );
  }
  const ts = c.timestamp;
  const statusKey = ts?.status === 'stamped' ? 'trustStamped' : ts?.status === 'failed' ? 'trustFailed' : 'trustPending';
  const late = ts?.status === 'stamped' && ts.genTime ? Date.parse(ts.genTime) - Date.parse(c.capturedAt) : 0;
  return (
    <table>
      <tbody>
        <tr>
          <th scope="row">
            <Both k="trustStatus" />
          </th>
          <td data-timestamp={ts?.status ?? 'pending'}>
            <Both k={statusKey} />
          </td>
        </tr>
        {ts?.status === 'stamped' ? <FieldRow label="trustedTime" value={ts.genTime} /> : null}
        {late > LATE_MS ? (
          <tr>
            <th />
            <td>
              <Both k="trustLate" params={{ minutes: Math.round(late / 60_000) }} />
            </td>
          </tr>
        ) : null}
        {ts?.status === 'stamped' ? <FieldRow label="tsaSerial" value={ts.serial} /> : null}
        {ts?.tsa ? <FieldRow label="tsa" value={ts.tsa} /> : null}
        <tr>
          <th scope="row">
            <Both k="sealHash" />
          </th>
          <td className="hash">{seal.sha256}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function SignerTable({ signer }: { signer: ReportSigner | undefined }) {
  if (!signer) {
    return (
      <p>
        <Both k="unsigned" />
      </p>
    );
  }
  return (
    <table>
      <tbody>
        <tr>
          <th scope="row">
            <Both k="keyFingerprint" />
          </th>
          <td className="hash" data-key-id={signer.keyId}>
            {signer.keyId}
          </td>
        </tr>
        <FieldRow label="signerName" value={[signer.name || '—', signer.org || '—'].join(' / ')} />
      </tbody>
    </table>
  );
}

export function VerifyTrust({ packageName }: { packageName: string }) {
  return (
    <>
      <p>
        <Both k="verifyTsa" />
      </p>
      <pre>openssl ts -verify -data seal.json -in seal.tsr -CAfile &lt;root&gt;</pre>
      <p>
        <Both k="verifySignature" />
      </p>
      <p>
        <Both k="verifyTrust" />
      </p>
      <pre>npm run verify -- {packageName} --trust &lt;root.pem&gt; --require-timestamps</pre>
    </>
  );
}
