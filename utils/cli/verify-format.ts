import type { VerifyResult } from '@/utils/export/verify-package';
import type { CaptureTrust } from '@/utils/trust/check-seal';

// What `npm run verify` prints: problems first, each naming its file, then warnings, what the
// package proves about time and signer, and one summary line.

export const EXIT_CODES: Record<VerifyResult['status'], number> = { intact: 0, tampered: 1, unreadable: 2 };

/** §6.6: warnings (missing or untrusted tokens, old packages) fail only with --require-timestamps. */
export function exitCodeOf(result: VerifyResult, requireTimestamps = false): number {
  if (result.status === 'intact' && requireTimestamps && result.warnings?.length) return 1;
  return EXIT_CODES[result.status];
}

function trustLines(result: VerifyResult): string[] {
  const trust = result.trust;
  if (!trust) return [];
  // who made each capture: the key its seal names (a package signed by someone else, e.g. one
  // built from the team locker, carries other investigators' captures)
  const sealedBy = (c: CaptureTrust) =>
    c.keyId
      ? `; sealed by key ${c.keyId}${c.investigator ? ` (${[c.investigator.name, c.investigator.org].filter(Boolean).join(', ') || 'no investigator named'})` : ''}`
      : '';
  const lines = trust.captures.map((c) => `${captureLine(c)}${sealedBy(c)}`);
  function captureLine(c: CaptureTrust): string {
    const where = c.tsa ? ` (TSA ${c.tsa})` : '';
    if (c.token === 'ok') return `capture ${c.id}: trusted time ${c.trustedTime}${where}, seal ${c.sealSha256}`;
    if (c.token === 'untrusted') return `capture ${c.id}: time ${c.trustedTime}${where}, from a TSA with no trusted root (use --trust <root.pem>)`;
    if (c.token === 'failed') return `capture ${c.id}: timestamp token invalid`;
    return `capture ${c.id}: no trusted time${c.sealSha256 ? `, seal ${c.sealSha256}` : ', not sealed'}`;
  }
  const s = trust.signature;
  if (s.status === 'missing') lines.push('signature: none (the package is not signed)');
  else {
    const who = s.investigator ? ` (${[s.investigator.name, s.investigator.org].filter(Boolean).join(', ') || 'no investigator named'})` : '';
    const when =
      s.token === 'ok'
        ? `, trusted time ${s.trustedTime} (TSA ${s.tsa})`
        : s.token === 'untrusted'
          ? `, time ${s.trustedTime} from a TSA with no trusted root`
          : '';
    lines.push(`signature: ${s.status === 'ok' ? 'valid' : 'INVALID'}, key id ${s.keyId ?? '?'}${who}${when}`);
  }
  return lines;
}

export function formatResult(name: string, result: VerifyResult, requireTimestamps = false): string[] {
  const lines = result.problems.map((p) => `✗ ${p.path}: ${p.message}`);
  lines.push(...(result.warnings ?? []).map((w) => `⚠ ${w.path}: ${w.message}`));
  lines.push(...trustLines(result));
  const checked = result.files.length;
  const bad = result.files.filter((f) => !f.ok).length;
  const warned = result.warnings?.length ?? 0;
  if (result.status === 'intact' && requireTimestamps && warned)
    lines.push(
      `incomplete: ${name}: the files are intact, but ${warned} warning(s) and --require-timestamps asks for every seal, token and signature to be present and trusted`,
    );
  else if (result.status === 'intact')
    lines.push(
      `intact: ${name}: ${checked} files checked, every size and SHA-256 matches manifest.json and SHA256SUMS${warned ? `; ${warned} warning(s)` : ''}`,
    );
  else if (result.status === 'tampered') lines.push(`tampered: ${name}: ${result.problems.length} problem(s), ${bad} of ${checked} files failed`);
  else lines.push(`unreadable: ${name}: not a readable evidence package`);
  if (result.manifestDigest) lines.push(`manifest digest (what a signature or timestamp covers): ${result.manifestDigest}`);
  return lines;
}
