// One file of a capture waiting for (or done with) the team locker; the `lockerQueue` table.

export type LockerFileState = 'pending' | 'uploaded' | 'failed';

export interface LockerQueueRecord {
  /** `${captureId}/${path}` */
  id: string;
  captureId: string;
  /** path in the capture folder, e.g. `viewport.png`, `seal.tsr` */
  path: string;
  state: LockerFileState;
  /** failed attempts since the last success or settings change (drives the backoff) */
  attempts: number;
  /** epoch ms before which a pending file is not tried again */
  notBefore: number;
  /** why the last attempt failed, as the locker or the network said it */
  error?: string;
  key?: string;
  versionId?: string;
  etag?: string;
}
