import { useEffect, useMemo, useState } from 'react';
import { liveQuery } from 'dexie';
import { translate } from '@/utils/i18n/locale';
import { database } from '@/utils/db/database';
import type { CaseWithCaptures } from '@/utils/evidence/capture-queries';
import type { CaseStatus } from '@/utils/model/case-status';
import { setCaseStatus } from '@/utils/cases/case-status';
import { caseTimeline } from '@/utils/cases/case-timeline';
import { priceChartData } from '@/utils/cases/price-series';
import { takedownCaptureIds } from '@/utils/cases/takedown-captures';
import { loadSettings } from '@/utils/settings/settings';
import { channelOf } from '@/utils/complaints/channels';
import { messaging } from '@/utils/messaging/protocol';
import { CaseHeader } from '@/components/cases/CaseHeader';
import { CaseTimeline } from '@/components/cases/CaseTimeline';
import { PriceChart } from '@/components/cases/PriceChart';
import { CaseActions } from '@/components/cases/CaseActions';
import { LastRecheck } from '@/components/cases/LastRecheck';
import { WarningLetterPanel } from '@/components/cases/WarningLetterPanel';
import { caseViewMessages as m } from '@/components/cases/case-view-messages';

type Loaded = { kind: 'loading' } | { kind: 'missing' } | { kind: 'ok'; item: CaseWithCaptures };

async function readCase(caseId: string): Promise<Loaded> {
  const db = database();
  const [found, captures] = await Promise.all([db.cases.get(caseId), db.captures.where('caseId').equals(caseId).toArray()]);
  if (!found) return { kind: 'missing' };
  captures.sort((a, b) => Date.parse(b.capturedAt) - Date.parse(a.capturedAt));
  return { kind: 'ok', item: { case: found, captures } };
}

/** One case (`#case/<id>`, test id `case-view`): header, timeline, price chart, quick actions, warning letter. */
export function CaseView({ caseId }: { caseId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    // live: a capture made in another tab or a status set elsewhere shows at once
    const subscription = liveQuery(() => readCase(caseId)).subscribe({ next: setLoaded, error: () => setLoaded({ kind: 'missing' }) });
    return () => subscription.unsubscribe();
  }, [caseId]);

  const item = loaded.kind === 'ok' ? loaded.item : undefined;
  // read outside the live query: parsing listing.json is not a Dexie operation
  const [takedowns, setTakedowns] = useState<Set<string>>(new Set());
  useEffect(() => {
    let alive = true;
    if (item)
      void takedownCaptureIds(
        database(),
        item.captures.map((c) => c.id),
      ).then((ids) => alive && setTakedowns(ids));
    return () => {
      alive = false;
    };
  }, [item]);
  const timeline = useMemo(() => (item ? caseTimeline(item.case, item.captures, takedowns) : []), [item, takedowns]);
  const chart = useMemo(() => priceChartData(item?.captures ?? []), [item]);

  const changeStatus = async (status: CaseStatus, complaintNo: string) => {
    if (!item) return;
    setBusy(true);
    try {
      const { investigator } = await loadSettings();
      await setCaseStatus(database(), caseId, {
        status,
        actor: investigator,
        ...(status === 'complained' ? { complaintNo, channel: channelOf(item.case.platform) } : {}),
      });
      void messaging.sendMessage('pageCasesChanged', {}).catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section data-testid="case-view" data-case-id={caseId} data-state={loaded.kind}>
      <p>
        <a href="#cases">← {translate(m, 'back')}</a>
      </p>
      {loaded.kind === 'loading' ? <p className="muted">{translate(m, 'loading')}</p> : null}
      {loaded.kind === 'missing' ? <p className="bad">{translate(m, 'notFound', { id: caseId })}</p> : null}
      {item ? (
        <>
          <CaseHeader item={item} busy={busy} onStatus={(s, no) => void changeStatus(s, no)} />
          <CaseActions item={item} />
          <LastRecheck recheck={item.case.lastRecheck} />
          <h3>{translate(m, 'chartTitle')}</h3>
          <PriceChart data={chart} />
          <h3>{translate(m, 'timeline')}</h3>
          <CaseTimeline entries={timeline} />
          <WarningLetterPanel item={item} />
        </>
      ) : null}
    </section>
  );
}
