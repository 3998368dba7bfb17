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
  {
    version: 2,
    stores: {
      // one row per capture: its RFC 3161 timestamp state (pending until a TSA answers); the token
      // bytes are the artifact blob `<captureId>/seal.tsr`
      timestamps: 'captureId, status',
      // the investigator's ECDSA P-256 keys: the newest without `retiredAt` signs; old ones are kept
      investigatorKeys: 'keyId, createdAt',
    },
  },
  {
    version: 3,
    stores: {
      // team evidence locker: one row per file of a capture to upload, `${captureId}/${path}`
      lockerQueue: 'id, captureId, state',
    },
  },
  {
    version: 4,
    stores: {
      // the capture-flagged runner and re-checks: one row per run, one per listing it visits, in order
      runs: 'id, state, createdAt',
      runItems: '[runId+seq], runId, state, itemKey',
    },
  },
];
