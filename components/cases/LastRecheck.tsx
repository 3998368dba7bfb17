import { currentLocale, translate } from '@/utils/i18n/locale';
import type { CaseRecheck } from '@/utils/model/capture';
import { caseViewMessages as m } from '@/components/cases/case-view-messages';

/** What the case's latest re-check found: listings live and taken down, and `removed` suggested when all are gone. */
export function LastRecheck({ recheck }: { recheck: CaseRecheck | undefined }) {
  if (!recheck) return null;
  return (
    <div
      data-testid="case-last-recheck"
      data-live={recheck.live.length}
      data-removed={recheck.removed.length}
      data-suggest-removed={recheck.suggestRemoved ? 'true' : 'false'}
    >
      {translate(m, 'lastRecheck', { date: new Date(recheck.at).toLocaleString(currentLocale()), live: recheck.live.length, removed: recheck.removed.length })}
      {recheck.suggestRemoved ? <strong> {translate(m, 'suggestRemoved')}</strong> : null}
    </div>
  );
}
