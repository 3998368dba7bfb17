import type { CustodyRecord } from '@/utils/db/database';
import type { Manifest, ManifestFile } from '@/utils/model/manifest';
import { GENESIS_HASH, verifyCustodyChain } from '@/utils/evidence/custody';
import { custodyFileSchema, type CustodyLink } from '@/utils/export/custody-json';
import { parseSha256Sums } from '@/utils/export/sha256sums';

// The checks of verifyPackage that concern one file each: SHA256SUMS, custody.json and the
// optional signatures. Each reports problems by file through `report`.

type Report = (path: string, message: string) => void;

/** SHA256SUMS must be well-formed, list every manifest file with the manifest's hash, and nothing else. */
export async function checkSums(
  data: Uint8Array | undefined,
  listed: readonly ManifestFile[],
  manifestHash: string,
  actual: ReadonlyMap<string, string>,
  report: Report,
): Promise<boolean> {
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
  checkChainToHead(log.entries, log.links, log.head, (message) => report(summary.path, message));
}

/**
 * With `links` (every other entry up to the head, as seq and hashes) the chain must run without a
 * gap from the first packaged entry to the head. Without them (older packages) only what can be
 * seen is checked: no entry beyond the head, and the head's own entry matching it.
 */
function checkChainToHead(
  entries: readonly CustodyLink[],
  links: readonly CustodyLink[] | undefined,
  head: { seq: number; hash: string },
  report: (message: string) => void,
): void {
  const last = entries.at(-1);
  if (!links) {
    if (last && last.seq > head.seq) report(`entry ${last.seq} is newer than the head (entry ${head.seq})`);
    else if (last?.seq === head.seq && last.hash !== head.hash) report(`the head's hash differs from entry ${head.seq}'s`);
    return;
  }
  const chain = [...entries, ...links].sort((a, b) => a.seq - b.seq);
  chain.forEach((link, i) => {
    const prev = chain[i - 1];
    if (!prev) {
      if (link.seq === 1 && link.prevHash !== GENESIS_HASH) report('entry 1 does not start from the genesis hash');
    } else if (link.seq === prev.seq) report(`entry ${link.seq} appears twice`);
    else if (link.seq !== prev.seq + 1) report(`entries ${prev.seq + 1} to ${link.seq - 1} are missing: a gap in the custody chain`);
    else if (link.prevHash !== prev.hash) report(`entry ${link.seq} does not link to entry ${prev.seq} (its prevHash differs from that entry's hash)`);
  });
  const end = chain.at(-1);
  if (end && end.seq !== head.seq) report(`the chain ends at entry ${end.seq}, but its head is entry ${head.seq}`);
  else if (end && end.hash !== head.hash) report(`the head's hash differs from entry ${head.seq}'s`);
}

/** A signature or timestamp must cover this manifest's digest (the token itself is checked by its own tools). */
export function checkSignatures(manifest: Manifest, digest: string, report: Report): void {
  (manifest.signatures ?? []).forEach((s, i) => {
    if (s.digest !== digest) report('manifest.json', `signatures[${i}] (${s.type}) covers ${s.digest}, but the manifest digest is ${digest}`);
  });
}
