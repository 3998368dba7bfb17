import type { AuthorizedListRecord, ListingProofDatabase } from '@/utils/db/database';
import { database } from '@/utils/db/database';
import type { ImportProblem } from '@/utils/model/authorized-list';
import type { ImportOutcome } from '@/utils/authorized/import-result';
import { saveList } from '@/utils/authorized/list-store';
import { importFiles, type NamedBlob } from '@/utils/authorized/import-files';

// What the dashboard does when files are chosen: import, and only when the import is clean, put
// the result in force (a half merged with the list in force). Never throws.

export type ApplyResult = { ok: true; record: AuthorizedListRecord } | { ok: false; problems: ImportProblem[]; error?: string };

export async function applyImport(outcome: ImportOutcome, names: string[], db: ListingProofDatabase = database()): Promise<ApplyResult> {
  if (!outcome.ok) return { ok: false, problems: outcome.problems };
  try {
    return { ok: true, record: await saveList(outcome.list, { kind: 'file', names }, outcome.replaces, db) };
  } catch (error) {
    return { ok: false, problems: [], error: error instanceof Error ? error.message : String(error) };
  }
}

/** importFiles (or another runner of it, e.g. in a worker) + applyImport: the one call behind `authorized-import`. */
export async function importAndStore(
  files: readonly NamedBlob[],
  db: ListingProofDatabase = database(),
  run: typeof importFiles = importFiles,
): Promise<ApplyResult> {
  try {
    return await applyImport(
      await run(files),
      files.map((f) => f.name),
      db,
    );
  } catch (error) {
    return { ok: false, problems: [], error: error instanceof Error ? error.message : String(error) };
  }
}
