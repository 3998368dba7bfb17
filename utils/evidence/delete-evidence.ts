import Dexie, { type Table } from 'dexie';
import type { CustodyRecord, ListingProofDatabase } from '@/utils/db/database';
import { appendCustody } from '@/utils/evidence/custody';
import { canonicalJson } from '@/utils/export/canonical-json';
import { sha256Bytes } from '@/utils/export/digest';
import type { CaptureRecord } from '@/utils/model/capture';
import { TOMBSTONE_PREFIX, type Tombstone } from '@/utils/evidence/tombstones';

// Deleting evidence is itself on the record: each deleted capture gets a custody entry (event
// `delete`) naming what was deleted (its seal's hash, or every artifact's hash before seals
// existed), by whom and why, and a tombstone row in `meta` the dashboard keeps showing. Bytes,
// record and tombstone change in one transaction: a failure deletes nothing.

export interface DeleteOptions {
  /** the investigator name from the settings */
  actor: string;
  /** why, in the user's words; required */
  reason: string;
  /** the user confirmed deleting captures that were never exported */
  confirmUnexported?: boolean;
  now?: Date;
}

export class DeletionRefused extends Error {
  constructor(
    message: string,
    readonly code: 'no-reason' | 'not-found' | 'not-exported',
    readonly captureIds: readonly string[] = [],
  ) {
    super(message);
    this.name = 'DeletionRefused';
  }
}

const NO_ACTOR = '(no investigator set)';
const SEAL_PATH = 'seal.json';

/** What identifies the deleted bytes: the seal's hash when the capture has one, else every artifact's. */
async function fingerprintOf(db: ListingProofDatabase, capture: CaptureRecord): Promise<Pick<Tombstone, 'sealSha256' | 'artifacts'>> {
  const listed = capture.artifacts.find((a) => a.path === SEAL_PATH);
  if (listed) return { sealSha256: listed.sha256 };
  const stored = await db.artifactBlobs.get(`${capture.id}/${SEAL_PATH}`);
  if (stored) return { sealSha256: await Dexie.waitFor(stored.data.arrayBuffer().then((b) => sha256Bytes(new Uint8Array(b)))) };
  return { artifacts: capture.artifacts.map((a) => ({ path: a.path, sha256: a.sha256, bytes: a.bytes })) };
}

/** Tables that hold rows per capture (artifact bytes, and whatever later versions key or index by capture), the custody log excepted. */
function perCaptureTables(db: ListingProofDatabase): Table[] {
  return db.tables.filter(
    (t) => t.name !== 'custody' && t.name !== 'captures' && (t.schema.primKey.name === 'captureId' || t.schema.indexes.some((i) => i.name === 'captureId')),
  );
}

async function deleteRowsOf(table: Table, captureId: string): Promise<void> {
  if (table.schema.primKey.name === 'captureId') await table.delete(captureId);
  else await table.where('captureId').equals(captureId).delete();
}

/** Captures that have an `export` entry in the custody log. */
async function exportedIds(db: ListingProofDatabase, ids: readonly string[]): Promise<Set<string>> {
  const entries = await db.custody
    .where('captureId')
    .anyOf([...ids])
    .toArray();
  return new Set(entries.filter((e) => e.event === 'export').map((e) => e.captureId));
}

/** The ids among these that were never exported (the dashboard asks for a confirmation then). */
export async function unexportedAmong(db: ListingProofDatabase, ids: readonly string[]): Promise<string[]> {
  const exported = await exportedIds(db, ids);
  return ids.filter((id) => !exported.has(id));
}

export interface DeletionResult {
  deleted: string[];
  custody: CustodyRecord[];
}

/** Deletes these captures (all or none), each with a custody entry and a tombstone. */
export async function deleteCaptures(db: ListingProofDatabase, captureIds: readonly string[], options: DeleteOptions): Promise<DeletionResult> {
  const reason = options.reason.trim();
  if (!reason) throw new DeletionRefused('A reason is required to delete evidence.', 'no-reason');
  const ids = [...new Set(captureIds)];
  const now = options.now ?? new Date();
  const actor = options.actor.trim() || NO_ACTOR;
  const extra = perCaptureTables(db);
  return db.transaction('rw', [db.captures, db.cases, db.custody, db.meta, ...extra], async () => {
    const found = await db.captures.bulkGet(ids);
    const missing = ids.filter((_, i) => !found[i]);
    if (missing.length) throw new DeletionRefused(`No such capture: ${missing.join(', ')}.`, 'not-found', missing);
    const exported = await exportedIds(db, ids);
    const unexported = ids.filter((id) => !exported.has(id));
    if (unexported.length && !options.confirmUnexported) {
      throw new DeletionRefused(
        `Never exported: ${unexported.join(', ')}. Export first, or confirm deleting evidence that exists nowhere else.`,
        'not-exported',
        unexported,
      );
    }
    const custody: CustodyRecord[] = [];
    for (const capture of found as CaptureRecord[]) {
      const fingerprint = await fingerprintOf(db, capture);
      const what = {
        deleted: 'capture',
        captureId: capture.id,
        caseId: capture.caseId,
        url: capture.url,
        capturedAt: capture.capturedAt,
        exported: exported.has(capture.id),
        ...fingerprint,
        reason,
      };
      const entry = await appendCustody(db, { event: 'delete', captureId: capture.id, actor, detail: canonicalJson(what) }, now);
      custody.push(entry);
      const tombstone: Tombstone = {
        captureId: capture.id,
        caseId: capture.caseId,
        kind: capture.kind,
        platform: capture.platform,
        itemId: capture.itemId,
        title: capture.title,
        shopName: capture.shop.name,
        url: capture.url,
        capturedAt: capture.capturedAt,
        deletedAt: now.toISOString(),
        actor,
        reason,
        exported: exported.has(capture.id),
        custodySeq: entry.seq,
        custodyHash: entry.hash,
        ...fingerprint,
      };
      await db.meta.put({ key: `${TOMBSTONE_PREFIX}${capture.id}`, value: tombstone });
      for (const t of extra) await deleteRowsOf(t, capture.id);
      await db.captures.delete(capture.id);
    }
    return { deleted: ids, custody };
  });
}

/** Deletes every capture of a case and then the case itself. */
export async function deleteCase(db: ListingProofDatabase, caseId: string, options: DeleteOptions): Promise<DeletionResult> {
  const reason = options.reason.trim();
  if (!reason) throw new DeletionRefused('A reason is required to delete evidence.', 'no-reason');
  return db.transaction('rw', db.tables, async () => {
    const found = await db.cases.get(caseId);
    if (!found) throw new DeletionRefused(`No such case: ${caseId}.`, 'not-found', [caseId]);
    const ids = (await db.captures.where('caseId').equals(caseId).toArray()).map((c) => c.id);
    const result = ids.length ? await deleteCaptures(db, ids, options) : { deleted: [], custody: [] };
    // The case itself, on the record too (no capture id: it names the case and its captures).
    const what = { deleted: 'case', caseId, platform: found.platform, shopKey: found.shopKey, shopName: found.shopName, captureIds: ids, reason };
    const entry = await appendCustody(
      db,
      { event: 'delete', captureId: '', actor: options.actor.trim() || NO_ACTOR, detail: canonicalJson(what) },
      options.now ?? new Date(),
    );
    await db.cases.delete(caseId);
    return { deleted: result.deleted, custody: [...result.custody, entry] };
  });
}
