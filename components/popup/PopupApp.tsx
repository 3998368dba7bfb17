import { useEffect, useState } from 'react';
import { browser } from '#imports';
import { translate, defineMessages } from '@/utils/i18n/locale';
import { messaging } from '@/utils/messaging/protocol';
import type { PageSummary } from '@/utils/content/page-summary';
import { panelMessages } from '@/components/panel/panel-messages';

const m = defineMessages({
  en: {
    capture: 'Capture evidence of this page',
    dashboard: 'Open dashboard',
    started: 'Capture started: follow it in the page panel.',
    notListing: 'This tab is not a listing page ListingProof can read.',
    openCases: 'Open the cases',
    search: '{total} results: {unauthorized} not authorized, {belowMin} below the minimum',
  },
  'zh-CN': {
    capture: '对当前页面一键取证',
    dashboard: '打开控制台',
    started: '已开始取证，请在页面面板中查看进度。',
    notListing: '当前标签页不是可读取的商品页。',
    openCases: '查看案件',
    search: '共 {total} 个结果：{unauthorized} 个未授权，{belowMin} 个低于最低价',
  },
});

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The current tab as its panel shows it: listing, verdict and the shop's case status (contract §6.1). */
function TabSummary({ summary }: { summary: PageSummary }) {
  const v = summary.verdict;
  return (
    <div data-testid="popup-summary" data-state={summary.state} data-case-status={v?.caseStatus}>
      {summary.shopName || summary.shopId ? (
        <div>
          <strong>{summary.shopName || summary.shopId}</strong> <span style={{ color: '#59636e' }}>{summary.platform}</span>
        </div>
      ) : null}
      {summary.title ? <div style={{ color: '#59636e' }}>{summary.title}</div> : null}
      {summary.price ? <div>¥{summary.price}</div> : null}
      {v ? (
        <div>
          {translate(panelMessages, `seller-${v.seller}`)} · {translate(panelMessages, `price-${v.price}`)}
        </div>
      ) : null}
      {v?.caseStatus ? <div>{translate(panelMessages, `case-${v.caseStatus}`)}</div> : null}
      {summary.search ? <div>{translate(m, 'search', summary.search)}</div> : null}
    </div>
  );
}

export function PopupApp() {
  const [note, setNote] = useState('');
  const [summary, setSummary] = useState<PageSummary | undefined>();
  useEffect(() => {
    void activeTabId().then((id) => (id === undefined ? undefined : messaging.sendMessage('tabPageSummary', {}, id).then(setSummary, () => undefined)));
  }, []);
  const capture = async () => {
    const tabId = await activeTabId();
    const started =
      tabId !== undefined
        ? await messaging.sendMessage('tabTriggerCapture', {}, tabId).then(
            (r) => r.started,
            () => false,
          )
        : false;
    setNote(translate(m, started ? 'started' : 'notListing'));
  };
  return (
    <div style={{ width: 260, padding: 12, font: '13px system-ui, sans-serif' }}>
      <button type="button" data-testid="popup-capture" onClick={() => void capture()} style={{ width: '100%', padding: 6 }}>
        {translate(m, 'capture')}
      </button>
      <p>{note}</p>
      {summary ? <TabSummary summary={summary} /> : null}
      {summary?.verdict?.caseStatus ? (
        <button
          type="button"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html#cases') })}
          style={{ width: '100%', marginBottom: 4 }}
        >
          {translate(m, 'openCases')}
        </button>
      ) : null}
      <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') })} style={{ width: '100%' }}>
        {translate(m, 'dashboard')}
      </button>
    </div>
  );
}
