import { setLocaleOverride } from '@/utils/i18n/locale';
import { loadSettings, localeOf } from '@/utils/settings/settings';

/** Extension pages honour the language chosen in the dashboard before their first render. */
export async function applyLocaleSetting(): Promise<void> {
  try {
    setLocaleOverride(localeOf(await loadSettings()));
  } catch {
    setLocaleOverride(undefined);
  }
}
