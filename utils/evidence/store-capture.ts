import type { Table, Transaction } from 'dexie';
import type { ListingProofDatabase } from '@/utils/db/database';
import { CaptureStepError, errorMessage } from '@/utils/evidence/capture-step-error';
import { shopKeyOf } from '@/utils/evidence/shop-key';
import { FREE_SPACE_HINT } from '@/utils/evidence/storage-status';
import { captureRecordSchema, type CaptureRecord, type CaseRecord } from '@/utils/model/capture';
import type { SealInvestigator } from '@/utils/model/trust';
import { buildSeal, NO_INVESTIGATOR_WARNING } from '@/utils/trust/seal';

// A capture is stored in one read-write transaction over cases, captures, artifact blobs and the
// custody log: either all of it is there or none of it (a half-written capture is worse than no
// capture, since its hashes would list files that do not exist).

export type CaptureDraft = Omit<CaptureRecord, 'caseId'>;

export interface StoreOptions {
  /** local ISO time, for a case created now */
  now: string;
  newCaseId: () => string;
  /**
   * Runs inside the same transaction after the capture is written (the integrator appends the
   * custody entry here). Use only `db` table calls; any other awaited work (e.g. crypto.subtle)
   * must be wrapped in `Dexie.waitFor(...)` or the transaction commits early.
   */
  onStored?: (db: ListingProofDatabase, record: CaptureRecord, tx: Transaction) => Promise<void>;
  /**
   * Who seals the capture: seal.json (§6.3) is written with it in the same transaction, and a
   * `pending` timestamp row is queued, so no stored capture is ever without its seal or its turn.
   */
  seal?: SealInvestigator;
  /** more tables `onStored` writes (e.g. the runner's queue, whose item is done with this capture) */
  alsoWrites?: Table[];
}

interface NamedError {
  name?: string;
  message?: string;
  inner?: NamedError;
}

export function isQuotaError(err: unknown): boolean {
  const e = err as NamedError | undefined;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError' || e?.inner?.inner?.name === 'QuotaExceededError';
}

export async function findOrCreateCase(
  db: ListingProofDatabase,
  draft: Pick<CaptureRecord, 'platform' | 'shop'>,
  now: string,
  newCaseId: () => string,
): Promise<CaseRecord> {
  const shopKey = shopKeyOf(draft.shop);
  const existing = await db.cases.where('[platform+shopKey]').equals([draft.platform, shopKey]).first();
  if (existing) {
    // The shop sells again after its case was closed: flag it, the status stays the investigator's.
    if (existing.status === 'closed' && !existing.repeatOffender) {
      const flagged = { ...existing, repeatOffender: true };
      await db.cases.put(flagged);
      return flagged;
    }
    return existing;
  }
  const created: CaseRecord = { id: newCaseId(), platform: draft.platform, shopKey, shopName: draft.shop.name, createdAt: now };
  await db.cases.add(created);
  return created;
}

/** Stores the capture and every artifact's bytes atomically; returns the record with its case. */
export async function storeCapture(
  db: ListingProofDatabase,
  draft: CaptureDraft,
  blobs: ReadonlyMap<string, Blob>,
  options: StoreOptions,
): Promise<CaptureRecord> {
  const missing = draft.artifacts.filter((a) => !blobs.has(a.path)).map((a) => a.path);
  if (missing.length) throw new CaptureStepError('storing', `no bytes for ${missing.join(', ')}`);
  let sealed = draft;
  const allBlobs = new Map(blobs);
  let sealSha256: string | undefined;
  if (options.seal) {
    // Hashing is WebCrypto work: done before the transaction, which it would otherwise close.
    const built = await buildSeal(draft, options.seal);
    const warnings = options.seal.name && options.seal.org ? draft.warnings : [...draft.warnings, NO_INVESTIGATOR_WARNING];
    sealed = { ...draft, artifacts: [...draft.artifacts, built.artifact], warnings };
    allBlobs.set(built.artifact.path, new Blob([built.bytes as Uint8Array<ArrayBuffer>], { type: 'application/json' }));
    sealSha256 = built.sha256;
  }
  try {
    return await db.transaction(
      'rw',
      [db.cases, db.captures, db.artifactBlobs, db.custody, db.meta, db.timestamps, ...(options.alsoWrites ?? [])],
      async (tx) => {
        // A search page is context for the run's listings, not a shop's listing: it joins no case.
        const caseId = sealed.kind === 'search' ? '' : (await findOrCreateCase(db, sealed, options.now, options.newCaseId)).id;
        const record = captureRecordSchema.parse({ ...sealed, caseId });
        await db.captures.add(record);
        await db.artifactBlobs.bulkAdd(sealed.artifacts.map((a) => ({ id: `${record.id}/${a.path}`, captureId: record.id, data: allBlobs.get(a.path)! })));
        if (sealSha256) await db.timestamps.add({ captureId: record.id, status: 'pending', sealSha256, attempts: 0, nextAttemptAt: new Date(0).toISOString() });
        if (options.onStored) await options.onStored(db, record, tx);
        return record;
      },
    );
  } catch (err) {
    if (err instanceof CaptureStepError) throw err;
    if (isQuotaError(err)) {
      throw new CaptureStepError(
        'storing',
        `Storage is full: the browser refused to store this capture (${errorMessage(err)}). ${FREE_SPACE_HINT}, then capture again; nothing stored before was changed.`,
        { cause: err },
      );
    }
    throw new CaptureStepError('storing', errorMessage(err), { cause: err });
  }
}
