import { useEffect, useState } from 'react';
import { defineMessages, translate } from '@/utils/i18n/locale';
import { database } from '@/utils/db/database';
import { messaging } from '@/utils/messaging/protocol';

const m = defineMessages({
  en: {
    pending: '{n} capture(s) wait for a trusted timestamp (retried by itself at least every 5 minutes and when the browser starts).',
    retry: 'Retry timestamps now',
    result: 'Stamped {stamped}, still pending {pending}, refused {failed}.',
    failedNote: '{n} capture(s) were refused by every TSA: they keep their seal and hashes, with no trusted time.',
  },
  'zh-CN': {
    pending: '{n} 条取证正在等待可信时间戳（至少每 5 分钟及浏览器启动时自动重试）。',
    retry: '立即重试时间戳',
    result: '已加盖 {stamped}，仍待定 {pending}，被拒绝 {failed}。',
    failedNote: '{n} 条取证被所有 TSA 拒绝：封存和哈希仍在，但没有可信时间。',
  },
});

/** Pending and refused timestamps, and "retry now" (the background queue retries by itself too). */
export function TimestampRetry() {
  const [counts, setCounts] = useState({ pending: 0, failed: 0 });
  const [result, setResult] = useState<{ stamped: number; pending: number; failed: number } | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const load = () =>
      void Promise.all([database().timestamps.where('status').equals('pending').count(), database().timestamps.where('status').equals('failed').count()]).then(
        ([pending, failed]) => setCounts({ pending, failed }),
      );
    load();
    const timer = setInterval(load, 3000);
    return () => clearInterval(timer);
  }, []);
  const retry = async () => {
    setBusy(true);
    try {
      setResult(await messaging.sendMessage('pageRetryTimestamps', {}));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section data-testid="timestamp-queue" data-pending={counts.pending} data-failed={counts.failed}>
      {counts.pending ? <p>{translate(m, 'pending', { n: counts.pending })}</p> : null}
      {counts.failed ? <p className="bad">{translate(m, 'failedNote', { n: counts.failed })}</p> : null}
      <button type="button" data-testid="timestamp-retry" disabled={busy} onClick={() => void retry()}>
        {translate(m, 'retry')}
      </button>{' '}
      {result ? <span data-testid="timestamp-retry-result">{translate(m, 'result', result)}</span> : null}
    </section>
  );
}
