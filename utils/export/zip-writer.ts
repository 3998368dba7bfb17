import JSZip from 'jszip';

// Streams a zip through JSZip without holding every file at once. JSZip reads each entry's data
// when its turn comes only if the data is still pending, so every entry is added as a promise
// that is resolved just in time (the next one is read ahead to overlap reading with writing), and
// an entry is dropped from the JSZip object once written so its bytes can be collected.

export interface ZipEntrySource {
  /** ASCII path inside the zip */
  path: string;
  /** deflate (text) or store (already-compressed media) */
  compress: boolean;
  /** reads the entry's bytes; called once, when the writer reaches the entry (or just before) */
  load: () => Promise<Uint8Array>;
}

/** Receives the zip bytes in order; a returned promise holds the writer until it settles. */
export type ZipSink = (chunk: Uint8Array) => void | Promise<void>;

export interface WriteZipOptions {
  /** the modification time stored for every entry */
  date: Date;
  onEntryDone?: (path: string, bytes: number) => void;
}

interface Pending {
  promise: Promise<Uint8Array>;
  resolve: (data: Uint8Array) => void;
  reject: (error: unknown) => void;
  started: boolean;
  bytes: number;
}

function pending(): Pending {
  let resolve!: (data: Uint8Array) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<Uint8Array>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // An entry that fails before its turn must not surface as an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject, started: false, bytes: 0 };
}

/** Writes the entries as one zip into `sink`; resolves with the number of bytes written. */
export function writeZip(entries: readonly ZipEntrySource[], sink: ZipSink, options: WriteZipOptions): Promise<number> {
  const zip = new JSZip();
  // A slot's promise holds its entry's bytes once resolved: dropped when the entry is written.
  const slots: (Pending | undefined)[] = entries.map(() => pending());
  const indexOf = new Map(entries.map((e, i) => [e.path, i]));
  if (indexOf.size !== entries.length) return Promise.reject(new Error('zip: duplicate path'));

  const start = (i: number) => {
    const slot = slots[i];
    const entry = entries[i];
    if (!slot || !entry || slot.started) return;
    slot.started = true;
    entry.load().then((data) => {
      slot.bytes = data.byteLength;
      slot.resolve(data);
    }, slot.reject);
  };
  entries.forEach((e, i) => {
    const slot = slots[i];
    if (slot) zip.file(e.path, slot.promise, { binary: true, createFolders: false, date: options.date, compression: e.compress ? 'DEFLATE' : 'STORE' });
  });

  return new Promise<number>((resolve, reject) => {
    let written = 0;
    let current = -1;
    let queue: Promise<void> = Promise.resolve();
    let queued = 0;
    let failed = false;
    const finishEntry = (i: number) => {
      const entry = entries[i];
      if (!entry) return;
      const bytes = slots[i]?.bytes ?? 0;
      zip.remove(entry.path); // with the slot, the last references to the entry's bytes
      slots[i] = undefined;
      options.onEntryDone?.(entry.path, bytes);
    };
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      helper.pause();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const helper = zip.generateInternalStream({ type: 'uint8array', streamFiles: true, platform: 'UNIX', compressionOptions: { level: 6 } });
    helper.on('data', (chunk: Uint8Array, meta: { currentFile: string | null }) => {
      const i = meta.currentFile === null ? -1 : (indexOf.get(meta.currentFile) ?? -1);
      if (i !== current && i >= 0) {
        if (current >= 0) finishEntry(current);
        current = i;
        start(i);
        start(i + 1);
      }
      written += chunk.byteLength;
      const result = sink(chunk);
      if (result) {
        queued++;
        helper.pause();
        queue = queue
          .then(() => result)
          .then(() => {
            if (--queued === 0 && !failed) helper.resume();
          }, fail);
      }
    });
    helper.on('error', fail);
    helper.on('end', () => {
      if (current >= 0) finishEntry(current);
      queue.then(() => {
        if (!failed) resolve(written);
      }, fail);
    });
    start(0);
    start(1);
    helper.resume();
  });
}

/** A sink that gathers the zip into a Blob, moving bytes into Blob parts every few MiB. */
export function blobSink(type = 'application/zip', batchBytes = 4 << 20): { sink: ZipSink; finish: () => Blob } {
  const parts: Blob[] = [];
  let batch: Uint8Array[] = [];
  let batched = 0;
  const flush = () => {
    if (batch.length) parts.push(new Blob(batch as Uint8Array<ArrayBuffer>[]));
    batch = [];
    batched = 0;
  };
  return {
    sink: (chunk) => {
      batch.push(chunk);
      batched += chunk.byteLength;
      if (batched >= batchBytes) flush();
    },
    finish: () => {
      flush();
      return new Blob(parts, { type });
    },
  };
}
