import { z } from 'zod';
import { problem } from '@/utils/authorized/problems';
import { database, type ListingProofDatabase } from '@/utils/db/database';
import { DEFAULT_MAX_BYTES, syncFromUrl, syncUrlSchema, type SyncResult } from '@/utils/authorized/sync';
import { currentRecord, saveList } from '@/utils/authorized/list-store';
import { loadBrandKey, type EffectiveBrandKey } from '@/utils/authorized/brand-key';
import { lockerAwareFetch } from '@/utils/team/locker-fetch';

// The last sync's outcome, kept in meta so the dashboard can show it and the next request can be
// conditional. `syncAndStore` is what the scheduler (chrome.alarms) and "sync now" call.

export const SYNC_STATE_KEY = 'authorizedSync';
/** The key an administrator sets in managed storage (policy) to fix the sync URL. */
export const MANAGED_URL_KEY = 'authorizedListUrl';

export const syncStateSchema = z.object({
  url: z.string(),
  lastAttemptAt: z.string(),
  lastSuccessAt: z.string().optional(),
  result: z.enum(['updated', 'unchanged', 'rejected', 'offline']),
  /** first problem or the network error, for people; problems are not kept */
  message: z.string().optional(),
  problemCount: z.number().int().nonnegative().optional(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  /** the brand key the list in force was checked with (a new key makes the next request unconditional) */
  brandKeyId: z.string().optional(),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export async function readSyncState(db: ListingProofDatabase = database()): Promise<SyncState | undefined> {
  const parsed = syncStateSchema.safeParse((await db.meta.get(SYNC_STATE_KEY))?.value);
  return parsed.success ? parsed.data : undefined;
}

export async function writeSyncState(state: SyncState, db: ListingProofDatabase = database()): Promise<void> {
  await db.meta.put({ key: SYNC_STATE_KEY, value: syncStateSchema.parse(state) });
}

/** The URL the user entered in the dashboard ('' when none). */
export const SYNC_URL_KEY = 'authorizedSyncUrl';

export async function readSyncUrl(db: ListingProofDatabase = database()): Promise<string> {
  const parsed = z.string().safeParse((await db.meta.get(SYNC_URL_KEY))?.value);
  return parsed.success ? parsed.data : '';
}

/** Saves the URL when it is empty (sync off) or syncable; false when it was refused. */
export async function writeSyncUrl(url: string, db: ListingProofDatabase = database()): Promise<boolean> {
  const value = url.trim();
  if (value !== '' && !syncUrlSchema.safeParse(value).success) return false;
  await db.meta.put({ key: SYNC_URL_KEY, value });
  return true;
}

/** The sync URL an administrator set (managed storage value or the whole managed object), if valid. */
export function managedSyncUrl(managedValue: unknown): string | undefined {
  const value = managedValue && typeof managedValue === 'object' ? (managedValue as Record<string, unknown>)[MANAGED_URL_KEY] : managedValue;
  const parsed = syncUrlSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export interface SyncDeps {
  fetch?: typeof fetch;
  db?: ListingProofDatabase;
  maxBytes?: number;
  now?: () => Date;
  /** the pinned brand key; read from settings (or managed storage) when absent */
  brandKey?: EffectiveBrandKey;
}

/** Fetch, validate, save atomically, record the outcome. Never throws. */
export async function syncAndStore(url: string, deps: SyncDeps = {}): Promise<{ result: SyncResult; state: SyncState }> {
  const db = deps.db ?? database();
  const now = (deps.now ?? (() => new Date()))().toISOString();
  const before = await readSyncState(db).catch(() => undefined);
  // Conditional only when the list in force came from this URL: a 304 must never stand for a list we lack.
  const inForce = await currentRecord(db).catch(() => undefined);
  const brand = deps.brandKey ?? (await loadBrandKey());
  // A list checked with another key (or none) must be fetched and checked again, never taken as unchanged.
  const sameKey = before?.brandKeyId === brand.key?.keyId;
  const sameUrl = before?.url === url && sameKey && inForce?.origin.kind === 'sync' && inForce.origin.url === url;
  let result: SyncResult = brand.problem
    ? {
        kind: 'rejected',
        problems: [
          problem(
            'signature-malformed',
            { row: 0, field: 'brandPublicKey' },
            { url: 'brandPublicKey', detail: `the pinned brand key is not usable (${brand.problem})` },
          ),
        ],
      }
    : await syncFromUrl({
        url,
        fetch: deps.fetch ?? (await lockerAwareFetch()),
        previous: sameUrl ? { etag: before.etag, lastModified: before.lastModified } : {},
        maxBytes: deps.maxBytes ?? DEFAULT_MAX_BYTES,
        brandKey: brand.key,
      });
  if (result.kind === 'updated') {
    try {
      await saveList(result.list, { kind: 'sync', url }, 'all', db);
    } catch (error) {
      result = { kind: 'offline', message: `storage: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const state: SyncState = { url, lastAttemptAt: now, result: result.kind };
  const lastSuccess = result.kind === 'updated' || result.kind === 'unchanged' ? now : sameUrl ? before.lastSuccessAt : undefined;
  if (lastSuccess) state.lastSuccessAt = lastSuccess;
  const validators = result.kind === 'updated' ? result : sameUrl && result.kind !== 'rejected' ? before : undefined;
  if (validators?.etag) state.etag = validators.etag;
  if (validators?.lastModified) state.lastModified = validators.lastModified;
  const checkedWith = result.kind === 'updated' ? brand.key?.keyId : sameUrl ? before.brandKeyId : undefined;
  if (checkedWith) state.brandKeyId = checkedWith;
  if (result.kind === 'rejected') {
    state.message = result.problems[0]?.message;
    state.problemCount = result.problems.length;
  }
  if (result.kind === 'offline') state.message = result.message;
  await writeSyncState(state, db).catch(() => undefined);
  return { result, state };
}
