// Append-only: every version the database ever had, in order. A version that carries an upgrade
// keeps it forever (users may open the extension after skipping releases). Never edit a line.

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** module in utils/db/migrations/ that upgrades data from the previous version, if any */
  upgrade?: (tx: import('dexie').Transaction) => Promise<void> | void;
}

export const SCHEMA_HISTORY: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // key-value settings and pointers (e.g. the authorized list in force)
      meta: 'key',
      // one row per imported/synced authorized list; chunks hold its sellers/products in slices
      authorizedLists: 'id, importedAt',
      authorizedChunks: 'id, listId',
      cases: 'id, [platform+shopKey], createdAt',
      captures: 'id, caseId, capturedAt, platform',
      artifactBlobs: 'id, captureId',
      // chain-of-custody log: `seq` orders it; each entry carries the previous entry's hash
      custody: 'id, &seq, captureId',
    },
  },
  // 2 and 3 are taken by other work in flight (trusted time, capture integrity)
  {
    version: 4,
    stores: {
      // team evidence locker: one row per file of a capture to upload, `${captureId}/${path}`
      lockerQueue: 'id, captureId, state',
    },
  },
];
