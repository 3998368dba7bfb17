import { importFiles, type NamedBlob } from '@/utils/authorized/import-files';
import { rejected, type ImportOutcome } from '@/utils/authorized/import-result';
import { problem } from '@/utils/authorized/problems';

// The Web Worker that parses chosen list files away from the dashboard's main thread, so a large
// or hostile file never freezes the page. It answers one message with the import's outcome.

interface WorkerScope {
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  postMessage(message: ImportOutcome): void;
}

function filesOf(data: unknown): NamedBlob[] | undefined {
  const files = (data as { files?: unknown } | null)?.files;
  if (!Array.isArray(files) || !files.every((f) => f instanceof Blob && typeof (f as { name?: unknown }).name === 'string')) return undefined;
  return files as NamedBlob[];
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (e) => {
  const files = filesOf(e.data);
  const run = files ? importFiles(files) : Promise.resolve(rejected([problem('no-files', { row: 0, field: '' })]));
  void run.then(
    (outcome) => scope.postMessage(outcome),
    (err: unknown) =>
      scope.postMessage(rejected([problem('unreadable-file', { row: 0, field: '' }, { detail: err instanceof Error ? err.message : String(err) })])),
  );
};
