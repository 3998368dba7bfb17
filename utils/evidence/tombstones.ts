import type { ListingProofDatabase } from '@/utils/db/database';
import type { CaptureRecord } from '@/utils/model/capture';

// What is left of a deleted capture: a row in `meta` (no schema change) that the dashboard
// shows, pointing at the custody entry that records the deletion.

export const TOMBSTONE_PREFIX = 'tombstone:';

export interface Tombstone {
  captureId: string;
  caseId: string;
  kind: CaptureRecord['kind'];
  platform: string;
  itemId: string;
  title: string;
  shopName: string;
  url: string;
  capturedAt: string;
  deletedAt: string;
  actor: string;
  reason: string;
  exported: boolean;
  custodySeq: number;
  custodyHash: string;
  /** SHA-256 of the capture's seal.json, when it had one */
  sealSha256?: string;
  /** every artifact's hash, for captures without a seal */
  artifacts?: { path: string; sha256: string; bytes: number }[];
}

/** Every tombstone, the newest deletion first. */
export async function listTombstones(db: ListingProofDatabase): Promise<Tombstone[]> {
  const rows = await db.meta.where('key').startsWith(TOMBSTONE_PREFIX).toArray();
  return rows.map((r) => r.value as Tombstone).sort((a, b) => b.deletedAt.localeCompare(a.deletedAt) || b.custodySeq - a.custodySeq);
}
