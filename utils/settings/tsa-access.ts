import { browser } from '#imports';
import { database } from '@/utils/db/database';
import { loadSettings } from '@/utils/settings/settings';
import { loadTsaCredentials } from '@/utils/settings/tsa-credentials';
import { isLoopback, originPattern, tsaEndpoints, type TsaEndpointSetting } from '@/utils/settings/tsa-settings';

/**
 * The TSAs the user turned on: loopback ones, and those whose host access was granted (asked
 * for when the settings are saved). A listed TSA without access is not contacted at all.
 */
export async function usableTsas(): Promise<TsaEndpointSetting[]> {
  const all = tsaEndpoints(await loadSettings(), await loadTsaCredentials(database()));
  const allowed = await Promise.all(all.map((t) => isLoopback(t.url) || browser.permissions.contains({ origins: [originPattern(t.url)] }).catch(() => false)));
  return all.filter((_, i) => allowed[i]);
}
