import { z } from 'zod';
import { storage } from '#imports';
import type { Locale } from '@/utils/i18n/locale';

// User settings in extension storage (shared by dashboard, popup, background and content scripts).

/** public RFC 3161 services (SHA-256), tried in order; host access is asked for when they are used */
export const DEFAULT_TSA_URLS = ['http://timestamp.digicert.com', 'http://timestamp.sectigo.com', 'http://rfc3161.ai.moda', 'https://freetsa.org/tsr'];

export const settingsSchema = z.object({
  /** who captures: recorded on every capture, as courts ask */
  investigator: z.string().max(200).default(''),
  /** the investigator's organisation: in every seal and in signature.json */
  investigatorOrg: z.string().max(200).default(''),
  /** RFC 3161 TSAs, tried in order */
  tsaUrls: z.array(z.string().url()).default(DEFAULT_TSA_URLS),
  /** '' = follow the browser's language */
  locale: z.enum(['', 'zh-CN', 'en']).default(''),
  /** add a pixel-true stitched series of viewport tiles to each capture (slower) */
  stitchedCapture: z.boolean().default(false),
  /** fetch product images at full size into the capture */
  captureImages: z.boolean().default(true),
  /** the capture-flagged runner's pace: one listing every min..max seconds (0 and 0: no wait) */
  runnerPaceMinSeconds: z.number().min(0).max(600).default(8),
  runnerPaceMaxSeconds: z.number().min(0).max(600).default(12),
});
export type Settings = z.infer<typeof settingsSchema>;

const item = storage.defineItem<unknown>('local:settings', { fallback: {} });

export async function loadSettings(): Promise<Settings> {
  const parsed = settingsSchema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await loadSettings()), ...patch });
  await item.setValue(next);
  return next;
}

export function localeOf(settings: Settings): Locale | undefined {
  return settings.locale === '' ? undefined : settings.locale;
}

export function watchSettings(cb: (s: Settings) => void): () => void {
  return item.watch((v) => {
    const parsed = settingsSchema.safeParse(v ?? {});
    if (parsed.success) cb(parsed.data);
  });
}
