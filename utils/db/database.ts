import Dexie, { type Table } from 'dexie';
import { SCHEMA_HISTORY } from '@/utils/db/schema-history';
import type { CustodyEventName } from '@/utils/model/custody-event';
import type { ArtifactBlobRecord, CaptureRecord, CaseRecord } from '@/utils/model/capture';
import type { InvestigatorKeyRecord, TimestampRecord } from '@/utils/model/trust';
import type { LockerQueueRecord } from '@/utils/locker/queue-record';
import type { RunItemRecord, RunRecord } from '@/utils/runner/run-model';

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** A stored authorized list: metadata only; sellers and products are in `authorizedChunks`. */
export interface AuthorizedListRecord {
  id: string;
  brand: string;
  updatedAt: string;
  importedAt: string;
  origin: { kind: 'file'; names: string[] } | { kind: 'sync'; url: string };
  sellerCount: number;
  productCount: number;
}

export interface AuthorizedChunkRecord {
  id: string;
  listId: string;
  kind: 'sellers' | 'products';
  index: number;
  rows: unknown[];
}

export interface CustodyRecord {
  id: string;
  seq: number;
  at: string;
  event: CustodyEventName;
  captureId: string;
  actor: string;
  detail: string;
  prevHash: string;
  hash: string;
}

export class ListingProofDatabase extends Dexie {
  meta!: Table<MetaRecord, string>;
  authorizedLists!: Table<AuthorizedListRecord, string>;
  authorizedChunks!: Table<AuthorizedChunkRecord, string>;
  cases!: Table<CaseRecord, string>;
  captures!: Table<CaptureRecord, string>;
  artifactBlobs!: Table<ArtifactBlobRecord, string>;
  custody!: Table<CustodyRecord, string>;
  timestamps!: Table<TimestampRecord, string>;
  investigatorKeys!: Table<InvestigatorKeyRecord, string>;
  lockerQueue!: Table<LockerQueueRecord, string>;
  runs!: Table<RunRecord, string>;
  runItems!: Table<RunItemRecord, [string, number]>;

  constructor(name = 'listingproof') {
    super(name);
    for (const step of SCHEMA_HISTORY) {
      const v = this.version(step.version).stores(step.stores);
      if (step.upgrade) v.upgrade(step.upgrade);
    }
  }
}

let shared: ListingProofDatabase | undefined;

/** The extension's one database (per extension origin). */
export function database(): ListingProofDatabase {
  shared ??= new ListingProofDatabase();
  return shared;
}
