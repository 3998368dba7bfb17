import { useEffect, useState } from 'react';
import { browser } from '#imports';
import { translate } from '@/utils/i18n/locale';
import { database } from '@/utils/db/database';
import type { InvestigatorKeyRecord } from '@/utils/model/trust';
import { loadSettings, saveSettings, type Settings } from '@/utils/settings/settings';
import { isLoopback, originPattern, parseTsaList } from '@/utils/settings/tsa-settings';
import { loadTsaCredentials, saveTsaCredentials } from '@/utils/settings/tsa-credentials';
import { allKeys, ensureKey, rotateKey } from '@/utils/trust/investigator-key';
import { trustMessages as m } from '@/components/dashboard/trust-messages';

type Form = { name: string; org: string; tsaText: string; username: string; password: string };
type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'partial'; origins: string[] } | { kind: 'invalid'; line: number; problem: string };

/**
 * Asks for host access to the TSAs that need it. Must run first in the click handler: Chromium
 * grants optional permissions only while the click's user activation lasts.
 */
async function askTsaAccess(urls: string[]): Promise<string[]> {
  const origins = [...new Set(urls.filter((u) => !isLoopback(u)).map(originPattern))];
  if (!origins.length) return [];
  try {
    if (await browser.permissions.request({ origins })) return [];
  } catch {
    // not among the optional permissions, or no gesture: report them as refused
  }
  const refused: string[] = [];
  for (const o of origins) if (!(await browser.permissions.contains({ origins: [o] }).catch(() => false))) refused.push(o);
  return refused;
}

/**
 * Investigator, organisation, TSA list with credentials, and the signing key (contract §6.2).
 * `alsoSave`: other parts of the settings section saved by the same `settings-save` button.
 */
export function TrustSettings({ alsoSave }: { alsoSave?: () => Promise<boolean> }) {
  const [form, setForm] = useState<Form | undefined>();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [keys, setKeys] = useState<InvestigatorKeyRecord[]>([]);
  useEffect(() => {
    void Promise.all([loadSettings(), loadTsaCredentials(database())]).then(([s, cred]: [Settings, { username: string; password: string }]) => {
      setForm({ name: s.investigator, org: s.investigatorOrg, tsaText: s.tsaUrls.join('\n'), username: cred.username, password: cred.password });
      // First run: the key exists before anyone captures or exports.
      void ensureKey(database(), s.investigator).then(() => allKeys(database()).then(setKeys));
    });
  }, []);
  if (!form) return null;
  const current = keys.findLast((k) => !k.retiredAt);
  const retired = keys.filter((k) => k.retiredAt);
  const field = (key: keyof Form) => ({
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setForm((f) => (f ? { ...f, [key]: value } : f));
      setStatus({ kind: 'idle' });
    },
  });

  const save = async () => {
    const parsed = parseTsaList(form.tsaText);
    if (!parsed.ok) return setStatus({ kind: 'invalid', line: parsed.line, problem: translate(m, parsed.problem, { value: parsed.value }) });
    const refused = await askTsaAccess(parsed.urls);
    await saveTsaCredentials(database(), { username: form.username.trim(), password: form.password });
    await saveSettings({ investigator: form.name.trim(), investigatorOrg: form.org.trim(), tsaUrls: parsed.urls });
    // the other parts name their own problems beside their fields
    const othersSaved = alsoSave ? await alsoSave() : true;
    setStatus(!othersSaved ? { kind: 'idle' } : refused.length ? { kind: 'partial', origins: refused } : { kind: 'saved' });
  };
  const rotate = async () => {
    if (!confirm(translate(m, 'rotateConfirm'))) return;
    await rotateKey(database(), form.name.trim());
    setKeys(await allKeys(database()));
  };

  return (
    <div data-testid="trust-settings">
      <h3>{translate(m, 'heading')}</h3>
      <p>
        <label>
          {translate(m, 'name')} <input data-testid="investigator-name" maxLength={200} {...field('name')} />
        </label>{' '}
        <label>
          {translate(m, 'org')} <input data-testid="investigator-org" maxLength={200} {...field('org')} />
        </label>
      </p>
      <p className="muted">{translate(m, 'whoNote')}</p>
      <p>
        <label>
          {translate(m, 'tsaUrls')}
          <br />
          <textarea data-testid="tsa-urls" rows={5} cols={60} spellCheck={false} {...field('tsaText')} />
        </label>
      </p>
      <p className="muted">{translate(m, 'tsaNote')}</p>
      <p>
        <label>
          {translate(m, 'username')} <input data-testid="tsa-username" autoComplete="off" maxLength={200} {...field('username')} />
        </label>{' '}
        <label>
          {translate(m, 'password')} <input data-testid="tsa-password" type="password" autoComplete="off" maxLength={200} {...field('password')} />
        </label>
      </p>
      <p className="muted">{translate(m, 'credNote')}</p>
      <p>
        <button type="button" className="primary" data-testid="settings-save" onClick={() => void save()}>
          {translate(m, 'save')}
        </button>{' '}
        <span data-testid="settings-status" data-state={status.kind}>
          {status.kind === 'saved' ? translate(m, 'saved') : null}
          {status.kind === 'partial' ? translate(m, 'accessRefused', { origins: status.origins.join(', ') }) : null}
          {status.kind === 'invalid' ? (
            <span className="bad" data-line={status.line}>
              {translate(m, 'invalid', { line: status.line, problem: status.problem })}
            </span>
          ) : null}
        </span>
      </p>
      <p>
        {translate(m, 'fingerprint')}
        <br />
        {current ? (
          <code data-testid="key-fingerprint" data-value={current.keyId}>
            {current.keyId.replace(/(.{8})/g, '$1 ').trim()}
          </code>
        ) : (
          <span className="muted">{translate(m, 'noKey')}</span>
        )}{' '}
        <button type="button" data-testid="key-rotate" disabled={!current} onClick={() => void rotate()}>
          {translate(m, 'rotate')}
        </button>
      </p>
      {retired.length ? <p className="muted hash">{translate(m, 'oldKeys', { list: retired.map((k) => k.keyId).join(', ') })}</p> : null}
    </div>
  );
}
