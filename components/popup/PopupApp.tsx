import { useState } from 'react';
import { browser } from '#imports';
import { translate, defineMessages } from '@/utils/i18n/locale';
import { messaging } from '@/utils/messaging/protocol';

const m = defineMessages({
  en: {
    capture: 'Capture evidence of this page',
    dashboard: 'Open dashboard',
    started: 'Capture started: follow it in the page panel.',
    notListing: 'This tab is not a listing page ListingProof can read.',
  },
  'zh-CN': {
    capture: '对当前页面一键取证',
    dashboard: '打开控制台',
    started: '已开始取证，请在页面面板中查看进度。',
    notListing: '当前标签页不是可读取的商品页。',
  },
});

export function PopupApp() {
  const [note, setNote] = useState('');
  const capture = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const started =
      tab?.id !== undefined
        ? await messaging.sendMessage('tabTriggerCapture', {}, tab.id).then(
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
      <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') })} style={{ width: '100%' }}>
        {translate(m, 'dashboard')}
      </button>
    </div>
  );
}
