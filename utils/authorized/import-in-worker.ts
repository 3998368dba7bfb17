import { importFiles, type NamedBlob } from '@/utils/authorized/import-files';
import type { ImportOutcome } from '@/utils/authorized/import-result';

// Runs importFiles in a Web Worker (import-worker.ts) so the dashboard stays responsive while a
// list of a million rows, or a hostile file, is parsed. Where there is no Worker (unit tests in
// node), the same function runs in place.

export function importFilesInWorker(files: readonly NamedBlob[]): Promise<ImportOutcome> {
  if (typeof Worker === 'undefined') return importFiles(files);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    const done = () => worker.terminate();
    worker.onmessage = (e: MessageEvent<ImportOutcome>) => {
      done();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      done();
      reject(new Error(`the import worker failed: ${e.message || 'could not start'}`));
    };
    worker.postMessage({ files: [...files] });
  });
}
