import { storage } from '#imports';
import type { Locale } from '@/utils/i18n/locale';
import { DEFAULT_LETTER_TEMPLATES } from '@/utils/cases/warning-letter';

// The investigator's own warning-letter template, in extension storage (no schema change). None
// stored: the default in the dashboard's language.

const MAX_TEMPLATE_CHARS = 20_000;
const item = storage.defineItem<unknown>('local:warningLetterTemplate', { fallback: null });

export async function loadLetterTemplate(locale: Locale): Promise<{ template: string; custom: boolean }> {
  const stored = await item.getValue();
  return typeof stored === 'string' && stored.trim() ? { template: stored, custom: true } : { template: DEFAULT_LETTER_TEMPLATES[locale], custom: false };
}

/** Saves the template; throws when it is too long (nothing is stored then). */
export async function saveLetterTemplate(template: string): Promise<void> {
  if (template.length > MAX_TEMPLATE_CHARS) throw new Error(`the template has ${template.length} characters; at most ${MAX_TEMPLATE_CHARS}`);
  await item.setValue(template);
}

/** Back to the default template. */
export async function resetLetterTemplate(): Promise<void> {
  await item.removeValue();
}
