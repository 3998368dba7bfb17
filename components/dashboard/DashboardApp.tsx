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
import { TeamSection } from '@/components/team/TeamSection';
import { CasesSection } from '@/components/cases/CasesSection';
import { DashboardNav, useDashboardView } from '@/components/dashboard/DashboardNav';
import { FirstRunSetup } from '@/components/dashboard/FirstRunSetup';
import { TimestampRetry } from '@/components/dashboard/TimestampRetry';
import { CaseView } from '@/components/cases/CaseView';
import { useCaseRoute } from '@/components/cases/case-route';

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

/**
 * `/dashboard.html` (contract §2, §6.2): with no hash every section is present, so automation finds
 * the §2 test ids; `#cases`, `#captures`, `#authorized`, `#verify` and `#settings` show one view.
 */
export function DashboardApp() {
  const [managedUrl, setManagedUrl] = useState<string | undefined>();
  useEffect(() => {
    void readManagedSyncUrl().then(setManagedUrl);
  }, []);
  const view = useDashboardView();
  const caseId = useCaseRoute();
  // `#case/<id>` shows that case alone
  const show = (v: typeof view) => !caseId && (view === 'all' || view === v);
  if (location.hash === '#setup') {
    return (
      <main>
        <h1>{translate(m, 'title')}</h1>
        <FirstRunSetup />
      </main>
    );
  }
  return (
    <main>
      <h1>{translate(m, 'title')}</h1>
      <DashboardNav view={caseId ? 'cases' : view} />
      {caseId ? <CaseView caseId={caseId} /> : null}
      {show('cases') ? <CasesSection /> : null}
      {show('authorized') ? (
        <AuthorizedSection
          managedSyncUrl={managedUrl}
          onListChanged={() => void messaging.sendMessage('pageListChanged', {}).catch(() => undefined)}
          onSyncNow={async (url) => {
            await askOriginAccess(url);
            return syncAndStore(url);
          }}
        />
      ) : null}
      {show('captures') ? <EvidenceSection /> : null}
      {show('captures') ? <TimestampRetry /> : null}
      {show('verify') ? <VerifyPackage /> : null}
      {view === 'team' ? <TeamSection /> : null}
      {show('settings') ? <SettingsSection /> : null}
    </main>
  );
}
