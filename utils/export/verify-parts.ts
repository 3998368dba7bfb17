import type { CustodyRecord } from '@/utils/db/database';
import type { Manifest, ManifestFile } from '@/utils/model/manifest';
import { verifyCustodyChain } from '@/utils/evidence/custody';
import { custodyFileSchema } from '@/utils/export/custody-json';
import { parseSha256Sums } from '@/utils/export/sha256sums';

// The checks of verifyPackage that concern one file each: SHA256SUMS, custody.json and the
// optional signatures. Each reports problems by file through `report`.

type Report = (path: string, message: string) => void;

/** SHA256SUMS must be well-formed, list every manifest file with the manifest's hash, and nothing else. */
export async function checkSums(data: Uint8Array | undefined, listed: readonly ManifestFile[], manifestHash: string, actual: ReadonlyMap<string, string>, report: Report): Promise<boolean> {
  let ok = true;
  const sumsProblem = (message: string) => {
    ok = false;
    report('SHA256SUMS', message);
  };
  if (!data) {
    sumsProblem('missing from the package');
    return false;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    sumsProblem('not UTF-8 text');
    return false;
  }
  const parsed = parseSha256Sums(text);
  for (const p of parsed.problems) sumsProblem(`line ${p.line}: ${p.message}`);
  const byPath = new Map(listed.map((f) => [f.path, f]));
  const inSums = new Set<string>();
  for (const line of parsed.lines) {
    inSums.add(line.path);
    if (line.path === 'manifest.json') {
      if (line.sha256 !== manifestHash) report('manifest.json', `SHA-256 is ${manifestHash}, SHA256SUMS says ${line.sha256}`);
      continue;
    }
    const f = byPath.get(line.path);
    if (!f) sumsProblem(`lists ${line.path}, which manifest.json does not list`);
    else if (line.sha256 !== f.sha256) {
      ok = false;
      const bytes = actual.get(line.path);
      report(line.path, `SHA256SUMS says ${line.sha256}, manifest.json says ${f.sha256}${bytes ? `, the file's is ${bytes}` : ''}`);
    }
  }
  for (const f of listed) if (!inSums.has(f.path)) sumsProblem(`does not list ${f.path}`);
  return ok;
}

/** custody.json must match the manifest's custody summary, and every entry its own hash. */
export async function checkCustodyFile(manifest: Manifest, read: (path: string) => Promise<Uint8Array | undefined>, report: Report): Promise<void> {
  const summary = manifest.custody;
  if (!summary) return;
  if (!manifest.files.some((f) => f.path === summary.path)) {
    report(summary.path, 'the custody log named in manifest.json is not in its files');
    return;
  }
  const data = await read(summary.path);
  if (!data) return; // already reported as missing or unreadable
  let parsed;
  try {
    parsed = custodyFileSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data)));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) {
    report(summary.path, 'not a well-formed custody log');
    return;
  }
  const log = parsed.data;
  if (log.entries.length !== summary.entries) report(summary.path, `${log.entries.length} entries, manifest.json says ${summary.entries}`);
  if (log.head.seq !== summary.headSeq || log.head.hash !== summary.headHash) report(summary.path, 'its head differs from the one in manifest.json');
  const problems = await verifyCustodyChain(log.entries as CustodyRecord[], { mode: 'excerpt' });
  for (const p of problems) report(summary.path, `entry ${p.seq}: ${p.message}`);
}

/** A signature or timestamp must cover this manifest's digest (the token itself is checked by its own tools). */
export function checkSignatures(manifest: Manifest, digest: string, report: Report): void {
  (manifest.signatures ?? []).forEach((s, i) => {
    if (s.digest !== digest) report('manifest.json', `signatures[${i}] (${s.type}) covers ${s.digest}, but the manifest digest is ${digest}`);
  });
}
