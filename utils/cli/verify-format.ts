import type { VerifyResult } from '@/utils/export/verify-package';

// What `npm run verify` prints: problems first, each naming its file, then one summary line.

export const EXIT_CODES: Record<VerifyResult['status'], number> = { intact: 0, tampered: 1, unreadable: 2 };

export function formatResult(name: string, result: VerifyResult): string[] {
  const lines = result.problems.map((p) => `✗ ${p.path}: ${p.message}`);
  const checked = result.files.length;
  const bad = result.files.filter((f) => !f.ok).length;
  if (result.status === 'intact') lines.push(`intact: ${name}: ${checked} files checked, every size and SHA-256 matches manifest.json and SHA256SUMS`);
  else if (result.status === 'tampered') lines.push(`tampered: ${name}: ${result.problems.length} problem(s), ${bad} of ${checked} files failed`);
  else lines.push(`unreadable: ${name}: not a readable evidence package`);
  if (result.manifestDigest) lines.push(`manifest digest (what a signature or timestamp covers): ${result.manifestDigest}`);
  return lines;
}
