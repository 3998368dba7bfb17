import { useEffect, useState } from 'react';
import { browser } from '#imports';
import { translate } from '@/utils/i18n/locale';
import { messaging } from '@/utils/messaging/protocol';
import { MANAGED_URL_KEY, managedSyncUrl, syncAndStore } from '@/utils/authorized/sync-state';
import { dashboardMessages as m } from '@/components/dashboard/dashboard-messages';
import { SettingsSection } from '@/components/dashboard/SettingsSection';
import { AuthorizedSection } from '@/components/authorized/AuthorizedSection';
import { EvidenceSection } from '@/components/evidence/EvidenceSection';
import { VerifyPackage } from '@/components/evidence/VerifyPackage';
import { LockerSettings } from '@/components/locker/LockerSettings';

async function readManagedSyncUrl(): Promise<string | undefined> {
  try {
    return managedSyncUrl(await browser.storage.managed.get(MANAGED_URL_KEY));
  } catch {
    return undefined; // no policy store (Firefox without policies, or none set)
  }
}

/**
 * A brand's list URL is outside the marketplace host permissions: ask for that origin (an optional
 * permission) so the fetch is not blocked by CORS. Refused or unavailable: try anyway.
 */
async function askOriginAccess(url: string): Promise<void> {
  try {
    const origins = [`${new URL(url).origin}/*`];
    if (!(await browser.permissions.contains({ origins }))) await browser.permissions.request({ origins });
  } catch {
    // no user gesture left, or the origin is not among the optional permissions
  }
}

/** `/dashboard.html` (contract §2): one page, every section present, so automation finds its test ids. */
export function DashboardApp() {
  const [managedUrl, setManagedUrl] = useState<string | undefined>();
  useEffect(() => {
    void readManagedSyncUrl().then(setManagedUrl);
  }, []);
  return (
    <main>
      <h1>{translate(m, 'title')}</h1>
      <AuthorizedSection
        managedSyncUrl={managedUrl}
        onListChanged={() => void messaging.sendMessage('pageListChanged', {}).catch(() => undefined)}
        onSyncNow={async (url) => {
          await askOriginAccess(url);
          return syncAndStore(url);
        }}
      />
      <EvidenceSection />
      <VerifyPackage />
      <SettingsSection />
      <LockerSettings />
    </main>
  );
}
