import { sha256Hex } from '@/utils/evidence/hash';
import type { Artifact } from '@/utils/model/capture';

/** An artifact made during a capture, before it is hashed and stored. */
export interface PendingFile {
  path: string;
  blob: Blob;
  method: Artifact['method'];
  note?: string;
}

/**
 * The files of one capture. Each is hashed from the moment its bytes exist (`startHashing`, or
 * `push` at the latest), so hashing the large ones (MHTML, viewport) runs while the page
 * re-renders instead of after; the hash is still of the very Blob that is stored.
 */
export class PendingFiles {
  readonly #files: PendingFile[] = [];
  readonly #hashes = new WeakMap<Blob, Promise<string>>();

  startHashing(blob: Blob): Promise<string> {
    let hash = this.#hashes.get(blob);
    if (!hash) {
      hash = sha256Hex(blob);
      hash.catch(() => undefined); // awaited (and reported) by artifacts()
      this.#hashes.set(blob, hash);
    }
    return hash;
  }

  push(...files: PendingFile[]): void {
    for (const f of files) {
      void this.startHashing(f.blob);
      this.#files.push(f);
    }
  }

  some(test: (f: PendingFile) => boolean): boolean {
    return this.#files.some(test);
  }

  blobs(): Map<string, Blob> {
    return new Map(this.#files.map((f) => [f.path, f.blob]));
  }

  /** SHA-256 and size of every file, in the order added. */
  artifacts(): Promise<Artifact[]> {
    return Promise.all(
      this.#files.map(async (f): Promise<Artifact> => {
        const artifact: Artifact = {
          path: f.path,
          mediaType: f.blob.type || 'application/octet-stream',
          bytes: f.blob.size,
          sha256: await this.startHashing(f.blob),
          method: f.method,
        };
        return f.note ? { ...artifact, note: f.note } : artifact;
      }),
    );
  }
}

/** SHA-256 and size of every file, taken at capture time: what the record and packages carry. */
export function hashArtifacts(files: readonly PendingFile[]): Promise<Artifact[]> {
  const pending = new PendingFiles();
  pending.push(...files);
  return pending.artifacts();
}
