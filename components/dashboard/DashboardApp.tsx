import { translate } from '@/utils/i18n/locale';
import { dashboardMessages as m } from '@/components/dashboard/dashboard-messages';
import { SettingsSection } from '@/components/dashboard/SettingsSection';

/** `/dashboard.html` (contract §2): one page, every section present, so automation finds its test ids. */
export function DashboardApp() {
  return (
    <main>
      <h1>{translate(m, 'title')}</h1>
      <SettingsSection />
    </main>
  );
}
