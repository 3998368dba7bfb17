import { useState } from 'react';
import { browser } from '#imports';
import { currentLocale, translate } from '@/utils/i18n/locale';
import { database } from '@/utils/db/database';
import type { CaseWithCaptures } from '@/utils/evidence/capture-queries';
import { exportEvidence } from '@/utils/export/export-from-db';
import { loadSettings } from '@/utils/settings/settings';
import { usableTsas } from '@/utils/settings/tsa-access';
import { buildComplaintBundle } from '@/utils/complaints/build-bundle';
import { channelOf } from '@/utils/complaints/channels';
import { saveBlob } from '@/components/ui/save-blob';
import { requestRecheck } from '@/components/cases/recheck';
import { casesMessages as cm } from '@/components/cases/cases-messages';
import { caseViewMessages as m } from '@/components/cases/case-view-messages';

type ActionState = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; text: string } | { kind: 'failed'; error: string };

/** Quick actions on one case: capture again, its evidence package, its portal's complaint bundle. */
export function CaseActions({ item }: { item: CaseWithCaptures }) {
  const [state, setState] = useState<ActionState>({ kind: 'idle' });
  const channel = channelOf(item.case.platform);
  const captureIds = item.captures.map((c) => c.id);

  const run = async (action: () => Promise<string>) => {
    setState({ kind: 'running' });
    try {
      setState({ kind: 'done', text: await action() });
    } catch (err) {
      setState({ kind: 'failed', error: err instanceof Error ? err.message : String(err) });
    }
  };

  const exportCase = async () => {
    const settings = await loadSettings();
    const result = await exportEvidence(database(), {
      signing: { investigator: { name: settings.investigator, org: settings.investigatorOrg }, tsas: await usableTsas() },
      captureIds,
      actor: settings.investigator,
      softwareVersion: browser.runtime.getManifest().version,
      locale: currentLocale(),
      label: `${item.case.platform}-${item.case.shopKey}`,
    });
    saveBlob(result.fileName, result.blob);
    return translate(m, 'saved', { name: result.fileName });
  };

  const complaint = async () => {
    const settings = await loadSettings();
    const out = await buildComplaintBundle(database(), {
      channel,
      selectedIds: captureIds,
      actor: settings.investigator,
      softwareVersion: browser.runtime.getManifest().version,
      locale: currentLocale(),
    });
    saveBlob(out.fileName, out.blob);
    return translate(m, 'saved', { name: out.fileName });
  };

  const recheck = async () => translate(m, 'rechecked', { total: (await requestRecheck([item.case.id])).total });

  const busy = state.kind === 'running';
  return (
    <p data-testid="case-actions">
      <button type="button" data-testid="case-recheck" disabled={busy} onClick={() => void run(recheck)}>
        {translate(m, 'recheck')}
      </button>{' '}
      <button type="button" data-testid="case-export" disabled={busy || captureIds.length === 0} onClick={() => void run(exportCase)}>
        {translate(m, 'exportCase')}
      </button>{' '}
      <button type="button" data-testid="case-complaint" data-channel={channel} disabled={busy || captureIds.length === 0} onClick={() => void run(complaint)}>
        {translate(m, 'complaint', { channel: translate(cm, `export-${channel}`) })}
      </button>{' '}
      <span data-testid="case-action-status" data-state={state.kind}>
        {busy ? translate(m, 'working') : null}
        {state.kind === 'done' ? state.text : null}
        {state.kind === 'failed' ? <span className="bad">{translate(m, 'failed', { error: state.error })}</span> : null}
      </span>
    </p>
  );
}
