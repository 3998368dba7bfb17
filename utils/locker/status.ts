import { z } from 'zod';
import { storage } from '#imports';

// `locker-status` (contract §6.2): the outcome of the last connection check or upload, shared by
// the background (uploads) and the dashboard (checks) through extension storage.

export const lockerStatusSchema = z.object({
  state: z.enum(['ok', 'failed']),
  /** a code the dashboard words in zh-CN and en, e.g. `unreachable`, `access-denied` */
  reason: z.string().default(''),
  detail: z.string().default(''),
  at: z.string(),
});
export type LockerStatus = z.infer<typeof lockerStatusSchema>;

const item = storage.defineItem<unknown>('local:lockerStatus', { fallback: null });

export function parseLockerStatus(v: unknown): LockerStatus | undefined {
  const parsed = lockerStatusSchema.safeParse(v);
  return parsed.success ? parsed.data : undefined;
}

export async function readLockerStatus(): Promise<LockerStatus | undefined> {
  return parseLockerStatus(await item.getValue());
}

export async function writeLockerStatus(state: LockerStatus['state'], reason = '', detail = '', now = new Date()): Promise<void> {
  const current = await readLockerStatus();
  // uploads succeed many times a minute: write only when something changes
  if (current && current.state === state && current.reason === reason && current.detail === detail) return;
  await item.setValue({ state, reason, detail, at: now.toISOString() });
}

export async function clearLockerStatus(): Promise<void> {
  await item.setValue(null);
}

export function watchLockerStatus(cb: (s: LockerStatus | undefined) => void): () => void {
  return item.watch((v) => cb(parseLockerStatus(v)));
}
