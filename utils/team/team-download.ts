import { browser } from '#imports';
import { database } from '@/utils/db/database';
import { appendCustody } from '@/utils/evidence/custody';
import { sha256Text } from '@/utils/export/digest';
import type { ExportProgress } from '@/utils/export/build-package';
import { verifyPackage, type VerifyResult } from '@/utils/export/verify-package';
import { currentLocale } from '@/utils/i18n/locale';
import type { LockerCaptureRef } from '@/utils/locker/list-captures';
import { isLockerSet, loadLockerSettings } from '@/utils/locker/settings';
import { lockerTarget, type LockerTarget } from '@/utils/locker/target';
import { loadSettings } from '@/utils/settings/settings';
import { usableTsas } from '@/utils/settings/tsa-access';
import { ensureKey } from '@/utils/trust/investigator-key';
import { buildLockerPackage, type LockerPackage } from '@/utils/team/locker-package';

// What the team view's buttons do, in the dashboard page: build a package of locker captures
// signed by this investigator's key (recorded in this profile's custody log), and verify one
// offline with the same verifier as the Verify view and `npm run verify`.

/** The configured locker, or an error saying there is none. */
export async function teamLockerTarget(): Promise<LockerTarget> {
  const { settings } = await loadLockerSettings();
  if (!isLockerSet(settings)) throw new Error('no team locker is set: enter its endpoint, bucket and keys in the settings');
  return lockerTarget(settings);
}

export async function downloadFromLocker(refs: readonly LockerCaptureRef[], onProgress?: (p: ExportProgress) => void): Promise<LockerPackage> {
  if (!refs.length) throw new Error('no capture was chosen');
  const settings = await loadSettings();
  const db = database();
  const key = await ensureKey(db, settings.investigator);
  const pkg = await buildLockerPackage({
    target: await teamLockerTarget(),
    refs,
    key,
    investigator: { name: settings.investigator, org: settings.investigatorOrg },
    tsas: await usableTsas(),
    softwareVersion: browser.runtime.getManifest().version,
    locale: currentLocale(),
    onProgress,
  });
  const detail = `package ${pkg.fileName} (manifest.json SHA-256 ${await sha256Text(pkg.manifestText)}) built from the team locker: ${refs
    .map((r) => `${r.captureId} by key ${r.keyId}`)
    .join(', ')}`;
  await appendCustody(db, { event: 'note', captureId: '', actor: settings.investigator, detail });
  return pkg;
}

/** Verifies a package offline, as the Verify view does. */
export async function verifyDownloaded(pkg: LockerPackage): Promise<VerifyResult> {
  return verifyPackage(pkg.blob);
}
