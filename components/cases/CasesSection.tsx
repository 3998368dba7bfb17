import { useEffect, useState } from 'react';
import { liveQuery } from 'dexie';
import { browser } from '#imports';
import { currentLocale, translate } from '@/utils/i18n/locale';
import { database } from '@/utils/db/database';
import { listCasesWithCaptures, type CaseWithCaptures } from '@/utils/evidence/capture-queries';
import { loadSettings } from '@/utils/settings/settings';
import { setCaseStatus } from '@/utils/cases/case-status';
import { CHANNELS, channelOf, type Channel } from '@/utils/complaints/channels';
import { buildComplaintBundle } from '@/utils/complaints/build-bundle';
import { saveBlob } from '@/components/ui/save-blob';
import { messaging } from '@/utils/messaging/protocol';
import { selectedIds } from '@/components/evidence/selection';
import { CaseRow } from '@/components/cases/CaseRow';
import { RecheckAllButton } from '@/components/cases/RecheckAllButton';
import { casesMessages as m } from '@/components/cases/cases-messages';

type BundleState = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; name: string; links: number } | { kind: 'failed'; error: string };

/** The #cases view (contract §6.2): one row per shop with its status, and a bundle per portal. */
export function CasesSection() {
  const [cases, setCases] = useState<CaseWithCaptures[]>([]);
  const [actor, setActor] = useState('');
  const [bundle, setBundle] = useState<BundleState>({ kind: 'idle' });

  useEffect(() => {
    let alive = true;
    void loadSettings().then((s) => alive && setActor(s.investigator));
    const subscription = liveQuery(() => listCasesWithCaptures(database())).subscribe({ next: setCases, error: () => undefined });
    return () => {
      alive = false;
      subscription.unsubscribe();
    };
  }, []);

  const exportBundle = async (channel: Channel) => {
    setBundle({ kind: 'running' });
    try {
      const out = await buildComplaintBundle(database(), {
        channel,
        selectedIds: selectedIds(),
        actor,
        softwareVersion: browser.runtime.getManifest().version,
        locale: currentLocale(),
      });
      saveBlob(out.fileName, out.blob);
      setBundle({ kind: 'done', name: out.fileName, links: out.links });
    } catch (err) {
      setBundle({ kind: 'failed', error: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <section data-testid="cases-section">
      <h2>
        {translate(m, 'title')} ({cases.length})
      </h2>
      <p>
        {translate(m, 'bundles')}:{' '}
        {CHANNELS.map((channel) => (
          <button
            key={channel}
            type="button"
            data-testid="complaint-export"
            data-channel={channel}
            disabled={bundle.kind === 'running'}
            onClick={() => void exportBundle(channel)}
          >
            {translate(m, `export-${channel}`)}
          </button>
        ))}{' '}
        <span data-testid="complaint-export-status" data-state={bundle.kind}>
          {bundle.kind === 'running' ? translate(m, 'building') : null}
          {bundle.kind === 'done' ? translate(m, 'built', { name: bundle.name, links: bundle.links }) : null}
          {bundle.kind === 'failed' ? <span className="bad">{translate(m, 'failed', { error: bundle.error })}</span> : null}
        </span>
      </p>
      <p className="muted">{translate(m, 'bundleHint')}</p>
      {cases.length > 0 ? <RecheckAllButton /> : null}
      {cases.length === 0 ? (
        <p className="muted">{translate(m, 'none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{translate(m, 'shop')}</th>
              <th>{translate(m, 'captures')}</th>
              <th>{translate(m, 'lowest')}</th>
              <th>{translate(m, 'status')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((item) => (
              <CaseRow
                key={item.case.id}
                item={item}
                onStatus={async (status, complaintNo) => {
                  await setCaseStatus(database(), item.case.id, {
                    status,
                    actor,
                    ...(status === 'complained' ? { complaintNo, channel: channelOf(item.case.platform) } : {}),
                  });
                  // open marketplace tabs show the new status on their badges and panel
                  void messaging.sendMessage('pageCasesChanged', {}).catch(() => undefined);
                }}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
