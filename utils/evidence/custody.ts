import Dexie from 'dexie';
import type { CustodyRecord, ListingProofDatabase } from '@/utils/db/database';
import { canonicalJson } from '@/utils/export/canonical-json';
import { sha256Text } from '@/utils/export/digest';

// The chain-of-custody log: append-only and hash-chained. Each entry's hash covers its content
// and the previous entry's hash, so editing, removing, inserting or reordering any entry breaks
// every later link. Entries are only ever added, inside one read-write transaction.

export const GENESIS_HASH = '0'.repeat(64);

export type CustodyEvent = CustodyRecord['event'];

export interface CustodyInput {
  event: CustodyEvent;
  captureId: string;
  actor: string;
  detail: string;
}

export interface CustodyProblem {
  seq: number;
  id: string;
  message: string;
}

/** The hash an entry must carry: SHA-256 over the canonical JSON of every field but `hash`. */
export async function custodyEntryHash(entry: Omit<CustodyRecord, 'hash'> | CustodyRecord): Promise<string> {
  const { id, seq, at, event, captureId, actor, detail, prevHash } = entry;
  return sha256Text(canonicalJson({ id, seq, at, event, captureId, actor, detail, prevHash }));
}

/** Appends one entry after the newest one; `seq` and `prevHash` are read in the same transaction. */
export async function appendCustody(db: ListingProofDatabase, input: CustodyInput, now: Date = new Date()): Promise<CustodyRecord> {
  return db.transaction('rw', db.custody, async () => {
    const last = await db.custody.orderBy('seq').last();
    const body: Omit<CustodyRecord, 'hash'> = {
      id: crypto.randomUUID(),
      seq: (last?.seq ?? 0) + 1,
      at: now.toISOString(),
      event: input.event,
      captureId: input.captureId,
      actor: input.actor,
      detail: input.detail,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    // WebCrypto is not an IndexedDB request: waitFor keeps the transaction open meanwhile.
    const hash = await Dexie.waitFor(custodyEntryHash(body));
    const entry: CustodyRecord = { ...body, hash };
    await db.custody.add(entry);
    return entry;
  });
}

/**
 * The whole log in order, or the entries of some captures for a package; a package also carries
 * every deletion, so what was deleted (and why) travels with the evidence that is left.
 */
export async function readCustody(db: ListingProofDatabase, captureIds?: readonly string[]): Promise<CustodyRecord[]> {
  if (!captureIds) return (await db.custody.toArray()).sort((a, b) => a.seq - b.seq);
  const own = await db.custody
    .where('captureId')
    .anyOf([...captureIds])
    .toArray();
  const seqs = new Set(own.map((e) => e.seq));
  const deletions = (await db.custody.toArray()).filter((e) => e.event === 'delete' && !seqs.has(e.seq));
  return [...own, ...deletions].sort((a, b) => a.seq - b.seq);
}

export interface VerifyCustodyOptions {
  /**
   * `full`: the entries are the whole log (seq 1, 2, 3 ...). `excerpt`: a subset such as a package's
   * custody.json; every entry's own hash is checked, and links wherever two entries are adjacent.
   */
  mode?: 'full' | 'excerpt';
}

/** Returns what is wrong with the entries (empty when the chain holds). */
export async function verifyCustodyChain(entries: readonly CustodyRecord[], options: VerifyCustodyOptions = {}): Promise<CustodyProblem[]> {
  const mode = options.mode ?? 'full';
  const problems: CustodyProblem[] = [];
  let previous: CustodyRecord | undefined;
  for (const [index, entry] of entries.entries()) {
    const report = (message: string) => problems.push({ seq: entry.seq, id: entry.id, message });
    if (mode === 'full' && entry.seq !== index + 1) report(`seq ${entry.seq} where ${index + 1} was expected`);
    if (previous && entry.seq <= previous.seq) report(`seq ${entry.seq} does not follow ${previous.seq}`);
    const adjacent = previous ? entry.seq === previous.seq + 1 : entry.seq === 1;
    if (adjacent || mode === 'full') {
      const expected = previous?.hash ?? GENESIS_HASH;
      if (entry.prevHash !== expected) report('prevHash does not match the previous entry');
    }
    if (entry.hash !== (await custodyEntryHash(entry))) report('hash does not match the entry');
    previous = entry;
  }
  return problems;
}
