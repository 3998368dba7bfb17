import { useSyncExternalStore } from 'react';
import { translate } from '@/utils/i18n/locale';
import { dashboardMessages as m } from '@/components/dashboard/dashboard-messages';

// Views addressed by the URL hash (contract §6.2); no hash is the whole page of §2.

export const VIEWS = ['cases', 'captures', 'authorized', 'verify', 'team', 'settings'] as const;
export type DashboardView = (typeof VIEWS)[number] | 'all';

function currentView(): DashboardView {
  const hash = location.hash.replace(/^#/, '');
  return (VIEWS as readonly string[]).includes(hash) ? (hash as DashboardView) : 'all';
}

export function useDashboardView(): DashboardView {
  return useSyncExternalStore((l) => {
    addEventListener('hashchange', l);
    return () => removeEventListener('hashchange', l);
  }, currentView);
}

export function DashboardNav({ view }: { view: DashboardView }) {
  return (
    <nav className="tabs" data-testid="dashboard-nav">
      <a href="#" aria-current={view === 'all' ? 'page' : undefined}>
        {translate(m, 'viewAll')}
      </a>
      {VIEWS.map((v) => (
        <a key={v} href={`#${v}`} aria-current={view === v ? 'page' : undefined}>
          {translate(m, `view-${v}`)}
        </a>
      ))}
    </nav>
  );
}
