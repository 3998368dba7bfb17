import type { Transaction } from 'dexie';
import type { ListingProofDatabase } from '@/utils/db/database';
import type { CaptureRecord, CaseRecord } from '@/utils/model/capture';

// Reads for the dashboard and the export, and the notes investigators add afterwards. Notes are
// kept beside the evidence, never inside it: artifacts and their hashes are not touched.

export interface CaseWithCaptures {
  case: CaseRecord;
  /** newest first */
  captures: CaptureRecord[];
}

const newestFirst = (a: CaptureRecord, b: CaptureRecord) => Date.parse(b.capturedAt) - Date.parse(a.capturedAt);

/** Every case with its captures, the case with the most recent capture first. */
export async function listCasesWithCaptures(db: ListingProofDatabase): Promise<CaseWithCaptures[]> {
  const [cases, captures] = await db.transaction('r', db.cases, db.captures, () => Promise.all([db.cases.toArray(), db.captures.toArray()]));
  const byCase = new Map<string, CaptureRecord[]>();
  // push, not copy: a case with thousands of captures would otherwise cost quadratic time
  for (const c of captures) {
    const list = byCase.get(c.caseId);
    if (list) list.push(c);
    else byCase.set(c.caseId, [c]);
  }
  const out = cases.map((k) => ({ case: k, captures: (byCase.get(k.id) ?? []).sort(newestFirst) }));
  const latest = (x: CaseWithCaptures) => (x.captures[0] ? Date.parse(x.captures[0].capturedAt) : Date.parse(x.case.createdAt));
  return out.sort((a, b) => latest(b) - latest(a));
}

/**
 * The search results pages captured as context of capture-flagged runs (kind `search`): they have
 * no case, so the captures view lists them in a group of their own, whose case id is ''.
 */
export async function listSearchPageGroup(db: ListingProofDatabase): Promise<CaseWithCaptures | undefined> {
  const captures = (await db.captures.where('caseId').equals('').toArray()).filter((c) => c.kind === 'search').sort(newestFirst);
  const oldest = captures.at(-1);
  if (!oldest) return undefined;
  return { case: { id: '', platform: oldest.platform, shopKey: '', shopName: '', createdAt: oldest.capturedAt }, captures };
}

export interface LoadedCapture {
  capture: CaptureRecord;
  /** artifact path -> bytes, in the order the record lists them */
  blobs: Map<string, Blob>;
}

export async function loadCapture(db: ListingProofDatabase, captureId: string): Promise<LoadedCapture | undefined> {
  return db.transaction('r', db.captures, db.artifactBlobs, async () => {
    const capture = await db.captures.get(captureId);
    if (!capture) return undefined;
    const rows = await db.artifactBlobs.where('captureId').equals(captureId).toArray();
    const byId = new Map(rows.map((r) => [r.id, r.data]));
    const blobs = new Map<string, Blob>();
    for (const a of capture.artifacts) {
      const data = byId.get(`${captureId}/${a.path}`);
      if (data) blobs.set(a.path, data);
    }
    return { capture, blobs };
  });
}

/** Runs inside the note's transaction (the integrator appends the custody 'note' event here). */
export type OnNoted = (db: ListingProofDatabase, tx: Transaction) => Promise<void>;

/** Sets a capture's notes (empty text removes them); false when there is no such capture. */
export async function setCaptureNotes(db: ListingProofDatabase, captureId: string, notes: string, onNoted?: OnNoted): Promise<boolean> {
  return db.transaction('rw', [db.captures, db.custody, db.meta], async (tx) => {
    const text = notes.trim();
    const changed = await db.captures
      .where('id')
      .equals(captureId)
      .modify((c) => {
        if (text) c.notes = text;
        else delete c.notes;
      });
    if (changed && onNoted) await onNoted(db, tx);
    return changed > 0;
  });
}

export async function setCaseNotes(db: ListingProofDatabase, caseId: string, notes: string, onNoted?: OnNoted): Promise<boolean> {
  return db.transaction('rw', [db.cases, db.custody, db.meta], async (tx) => {
    const text = notes.trim();
    const changed = await db.cases
      .where('id')
      .equals(caseId)
      .modify((c) => {
        if (text) c.notes = text;
        else delete c.notes;
      });
    if (changed && onNoted) await onNoted(db, tx);
    return changed > 0;
  });
}
