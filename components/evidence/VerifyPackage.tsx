import { useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { translate } from '@/utils/i18n/locale';
import { verifyPackage, type VerifyResult } from '@/utils/export/verify-package';
import { verifyMessages as m } from '@/components/evidence/verify-messages';
import { verifyTrustMessages as tm } from '@/components/evidence/verify-trust-messages';
import { VerifyTrust } from '@/components/evidence/VerifyTrust';
import { pemToDer } from '@/utils/trust/bytes';

// Dashboard view: check a package someone sent (or one exported earlier) without leaving the
// browser. Runs the same verifier as `npm run verify`; nothing is uploaded anywhere.

type State = { name: string; busy: true } | { name: string; busy: false; result: VerifyResult } | { name: string; busy: false; error: string };

function groupByPath(problems: VerifyResult['problems']): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const p of problems) groups.set(p.path, [...(groups.get(p.path) ?? []), p.message]);
  return [...groups];
}

function Summary({ result }: { result: VerifyResult }) {
  const failed = result.files.filter((f) => !f.ok).length;
  if (result.status === 'intact') return <p>✓ {translate(m, 'intact', { count: result.files.length })}</p>;
  if (result.status === 'tampered') return <p>✗ {translate(m, 'tampered', { problems: result.problems.length, files: failed })}</p>;
  return <p>✗ {translate(m, 'unreadable')}</p>;
}

function Result({ result }: { result: VerifyResult }) {
  return (
    <div data-testid="verify-result" data-status={result.status}>
      <Summary result={result} />
      {result.problems.length > 0 && (
        <>
          <h3>{translate(m, 'problems')}</h3>
          <ul data-testid="verify-problems">
            {groupByPath(result.problems).map(([path, messages]) => (
              <li key={path} data-path={path}>
                <code>{path}</code>
                <ul>
                  {messages.map((message, i) => (
                    <li key={i}>{message}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      <VerifyTrust result={result} />
      {result.files.length > 0 && (
        <>
          <h3>{translate(m, 'files')}</h3>
          <ul>
            {result.files.map((f) => (
              <li key={f.path} data-testid="verify-file" data-path={f.path} data-ok={String(f.ok)}>
                <span aria-label={translate(m, f.ok ? 'ok' : 'failed')}>{f.ok ? '✓' : '✗'}</span> <code>{f.path}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {result.manifestDigest && (
        <p>
          {translate(m, 'digest')}: <code>{result.manifestDigest}</code>
        </p>
      )}
    </div>
  );
}

export function VerifyPackage() {
  const [state, setState] = useState<State>();
  const [roots, setRoots] = useState<{ ders: Uint8Array[]; note: string }>({ ders: [], note: '' });
  const latest = useRef(0);

  const onRoots = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(e.currentTarget.files ?? [])];
    const ders: Uint8Array[] = [];
    const notes: string[] = [];
    for (const f of chosen) {
      const found = pemToDer(await f.text());
      if (!found.length) notes.push(translate(tm, 'rootsNone', { name: f.name }));
      ders.push(...found);
    }
    setRoots({ ders, note: [chosen.length ? translate(tm, 'rootsLoaded', { count: ders.length }) : '', ...notes].join(' ') });
  };

  const check = async (file: File) => {
    const run = ++latest.current; // a newer choice wins over a check still running
    setState({ name: file.name, busy: true });
    try {
      const result = await verifyPackage(file, { trustedRoots: roots.ders }); // read slice by slice, never whole
      if (run === latest.current) setState({ name: file.name, busy: false, result });
    } catch (e) {
      if (run === latest.current) setState({ name: file.name, busy: false, error: e instanceof Error ? e.message : String(e) });
    }
  };
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = ''; // choosing the same file again checks it again
    if (file) void check(file);
  };
  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file) void check(file);
  };

  return (
    <section data-testid="verify-section" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <h2>{translate(m, 'heading')}</h2>
      <label>
        <span>{translate(m, 'choose')} </span>
        <input type="file" accept=".zip,application/zip" data-testid="verify-input" onChange={onChange} />
      </label>
      <span> {translate(m, 'dropHint')}</span>
      <p>
        <label>
          <span>{translate(tm, 'roots')} </span>
          <input type="file" accept=".pem,.crt,.cer" multiple data-testid="verify-trust-roots" onChange={(e) => void onRoots(e)} />
        </label>
        {roots.note && <span role="status"> {roots.note}</span>} <small>{translate(tm, 'sm2')}</small>
      </p>
      {state?.busy && <p role="status">{translate(m, 'checking', { name: state.name })}</p>}
      {state && !state.busy && 'error' in state && <p role="alert">{translate(m, 'readError', { message: state.error })}</p>}
      {state && !state.busy && 'result' in state && <Result result={state.result} />}
    </section>
  );
}
