import { useEffect, useState } from 'react';
import { browser } from '#imports';
import { translate } from '@/utils/i18n/locale';
import { messaging } from '@/utils/messaging/protocol';
import { MANAGED_URL_KEY, managedSyncUrl } from '@/utils/authorized/sync-state';
import { dashboardMessages as m } from '@/components/dashboard/dashboard-messages';
import { SettingsSection } from '@/components/dashboard/SettingsSection';
import { AuthorizedSection } from '@/components/authorized/AuthorizedSection';
import { EvidenceSection } from '@/components/evidence/EvidenceSection';
import { VerifyPackage } from '@/components/evidence/VerifyPackage';

async function readManagedSyncUrl(): Promise<string | undefined> {
  try {
    return managedSyncUrl(await browser.storage.managed.get(MANAGED_URL_KEY));
  } catch {
    return undefined; // no policy store (Firefox without policies, or none set)
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
      />
      <EvidenceSection />
      <section>
        <h2>{translate(m, 'verify')}</h2>
        <VerifyPackage />
      </section>
      <SettingsSection />
    </main>
  );
}
