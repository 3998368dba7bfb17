import { sha256Hex } from '@/utils/evidence/hash';
import type { Artifact } from '@/utils/model/capture';

/** An artifact made during a capture, before it is hashed and stored. */
export interface PendingFile {
  path: string;
  blob: Blob;
  method: Artifact['method'];
  note?: string;
}

/** SHA-256 and size of every file, taken at capture time: what the record and packages carry. */
export function hashArtifacts(files: readonly PendingFile[]): Promise<Artifact[]> {
  return Promise.all(
    files.map(async (f): Promise<Artifact> => {
      const artifact: Artifact = { path: f.path, mediaType: f.blob.type || 'application/octet-stream', bytes: f.blob.size, sha256: await sha256Hex(f.blob), method: f.method };
      return f.note ? { ...artifact, note: f.note } : artifact;
    }),
  );
}
