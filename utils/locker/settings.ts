import { z } from 'zod';
import { browser, storage } from '#imports';
import { isRetentionDays, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '@/utils/locker/retention';

// The team evidence locker's settings (contract §6.2/§6.5), in their own storage item. A company
// may set them through managed storage (policy); then those win and the dashboard shows them read-only.

export const lockerSettingsSchema = z.object({
  /** base URL: scheme, host, port; '' = no locker */
  endpoint: z.string().default(''),
  region: z.string().default('us-east-1'),
  bucket: z.string().default(''),
  accessKey: z.string().default(''),
  secretKey: z.string().default(''),
  retentionDays: z.number().default(3650),
});
export type LockerSettings = z.infer<typeof lockerSettingsSchema>;
export type LockerField = keyof LockerSettings;

export const MANAGED_LOCKER_KEYS = {
  endpoint: 'lockerEndpoint',
  region: 'lockerRegion',
  bucket: 'lockerBucket',
  accessKey: 'lockerAccessKey',
  secretKey: 'lockerSecretKey',
  retentionDays: 'lockerRetentionDays',
} as const satisfies Record<LockerField, string>;

const item = storage.defineItem<unknown>('local:lockerSettings', { fallback: {} });

export function parseLockerSettings(value: unknown): LockerSettings {
  const parsed = lockerSettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : lockerSettingsSchema.parse({});
}

/** Managed (policy) values as settings, or undefined when the company set no endpoint. */
export function managedLockerSettings(managed: Record<string, unknown>): LockerSettings | undefined {
  const endpoint = managed[MANAGED_LOCKER_KEYS.endpoint];
  if (typeof endpoint !== 'string' || !endpoint.trim()) return undefined;
  const text = (key: LockerField, fallback: string) => {
    const v = managed[MANAGED_LOCKER_KEYS[key]];
    return typeof v === 'string' ? v.trim() : fallback;
  };
  const days = Number(managed[MANAGED_LOCKER_KEYS.retentionDays]);
  return {
    endpoint: endpoint.trim(),
    region: text('region', 'us-east-1'),
    bucket: text('bucket', ''),
    accessKey: text('accessKey', ''),
    secretKey: text('secretKey', ''),
    retentionDays: Number.isFinite(days) ? days : 3650,
  };
}

async function readManaged(): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.managed.get(Object.values(MANAGED_LOCKER_KEYS));
  } catch {
    return {}; // no policy store in this browser or profile
  }
}

export interface EffectiveLockerSettings {
  settings: LockerSettings;
  managed: boolean;
}

export async function loadLockerSettings(): Promise<EffectiveLockerSettings> {
  const managed = managedLockerSettings(await readManaged());
  if (managed) return { settings: managed, managed: true };
  return { settings: parseLockerSettings(await item.getValue()), managed: false };
}

export async function saveLockerSettings(next: LockerSettings): Promise<void> {
  await item.setValue(lockerSettingsSchema.parse(next));
}

export function watchLockerSettings(cb: () => void): () => void {
  return item.watch(() => cb());
}

export function isLockerSet(s: LockerSettings): boolean {
  return s.endpoint.trim() !== '';
}

export type LockerProblemCode = 'endpoint-url' | 'endpoint-path' | 'region' | 'bucket' | 'access-key' | 'secret-key' | 'retention';
export interface LockerProblem {
  field: LockerField;
  code: LockerProblemCode;
}

/** What is wrong with settings about to be saved (empty: fine). An empty endpoint turns the locker off. */
export function lockerSettingsProblems(s: LockerSettings): LockerProblem[] {
  if (!isLockerSet(s)) return [];
  const problems: LockerProblem[] = [];
  let url: URL | undefined;
  try {
    url = new URL(s.endpoint.trim());
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) problems.push({ field: 'endpoint', code: 'endpoint-url' });
  else if (url.pathname !== '/' || url.search || url.hash || url.username) problems.push({ field: 'endpoint', code: 'endpoint-path' });
  if (!/^[a-z0-9-]{1,64}$/.test(s.region)) problems.push({ field: 'region', code: 'region' });
  // S3 bucket names: 3-63 lowercase letters, digits, dots and hyphens, starting and ending alphanumeric
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(s.bucket)) problems.push({ field: 'bucket', code: 'bucket' });
  if (!s.accessKey.trim()) problems.push({ field: 'accessKey', code: 'access-key' });
  if (!s.secretKey) problems.push({ field: 'secretKey', code: 'secret-key' });
  if (!isRetentionDays(s.retentionDays)) problems.push({ field: 'retentionDays', code: 'retention' });
  return problems;
}

export const RETENTION_RANGE = { min: MIN_RETENTION_DAYS, max: MAX_RETENTION_DAYS };

/** Loopback lockers work through CORS alone; any other host needs an optional host permission. */
export function needsHostPermission(s: LockerSettings): boolean {
  const host = new URL(s.endpoint.trim()).hostname;
  return host !== '127.0.0.1' && host !== 'localhost';
}
