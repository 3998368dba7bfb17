import { translate } from '@/utils/i18n/locale';
import type { VerifyResult } from '@/utils/export/verify-package';
import { verifyTrustMessages as m } from '@/components/evidence/verify-trust-messages';

// The trust half of a verification in the dashboard: warnings, each capture's trusted time and
// TSA, and who signed the package — the same results `npm run verify` prints.

function CaptureLine({ c }: { c: NonNullable<VerifyResult['trust']>['captures'][number] }) {
  const vars = { time: c.trustedTime ?? '', tsa: c.tsa ?? '' };
  const text =
    c.token === 'ok'
      ? translate(m, 'captureStamped', vars)
      : c.token === 'untrusted'
        ? translate(m, 'captureUntrusted', vars)
        : translate(m, c.token === 'failed' ? 'captureFailed' : 'captureMissing');
  return (
    <li data-testid="verify-capture-trust" data-capture-id={c.id} data-token={c.token} data-trusted-time={c.trustedTime ?? ''} data-key-id={c.keyId ?? ''}>
      <code>{c.id}</code>: {text};{' '}
      {c.sealSha256 ? (
        <>
          {translate(m, 'seal')} <code>{c.sealSha256}</code>
        </>
      ) : (
        translate(m, 'notSealed')
      )}
      {c.keyId ? (
        <>
          ; {translate(m, 'sealedBy', { who: c.investigator ? [c.investigator.name, c.investigator.org].filter(Boolean).join(', ') : '' })}{' '}
          <code>{c.keyId}</code>
        </>
      ) : null}
    </li>
  );
}

export function VerifyTrust({ result }: { result: VerifyResult }) {
  const warnings = result.warnings ?? [];
  const trust = result.trust;
  const s = trust?.signature;
  const who = s?.investigator ? [s.investigator.name, s.investigator.org].filter(Boolean).join(', ') : '';
  return (
    <>
      {warnings.length > 0 && (
        <>
          <h3>{translate(m, 'warnings')}</h3>
          <ul data-testid="verify-warnings">
            {warnings.map((w, i) => (
              <li key={i} data-path={w.path}>
                ⚠ <code>{w.path}</code>: {w.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {trust && (
        <>
          <h3>{translate(m, 'trustHeading')}</h3>
          <ul>
            {trust.captures.map((c) => (
              <CaptureLine key={c.id} c={c} />
            ))}
          </ul>
          <p data-testid="verify-signature" data-status={s?.status} data-key-id={s?.keyId ?? ''}>
            {s?.status === 'ok'
              ? translate(m, 'signatureValid', { keyId: s.keyId ?? '', who })
              : s?.status === 'failed'
                ? translate(m, 'signatureInvalid', { keyId: s.keyId ?? '?' })
                : translate(m, 'signatureMissing')}
            {s?.token === 'ok' && <> {translate(m, 'signatureTime', { time: s.trustedTime ?? '', tsa: s.tsa ?? '' })}</>}
          </p>
        </>
      )}
    </>
  );
}
