import { useEffect, useState } from 'react';
import { browser } from '#imports';
import { defineMessages, translate } from '@/utils/i18n/locale';
import { requestPersistentStorage, storageStatus, type StorageStatus } from '@/utils/evidence/storage-status';

const m = defineMessages({
  en: {
    screenshots:
      "Browser screenshots: Chromium lets an extension take the browser's own pixels only with access to all sites, or when a capture starts from the toolbar button, context menu or shortcut. Without it, captures from the page panel use a labelled DOM re-render.",
    grant: 'Allow browser screenshots',
    granted: 'Browser screenshots allowed',
    storage: 'Storage used: {used} MB of {quota} MB',
    extensions: 'Record the other installed extensions in each capture (courts ask about the capture environment)',
    extensionsOn: 'Other extensions are recorded in each capture',
    persistent: 'Persistent storage: {state}',
  },
  'zh-CN': {
    screenshots:
      '浏览器原生截图：Chromium 只允许拥有“所有网站”权限的扩展截取浏览器像素，或在通过工具栏按钮、右键菜单、快捷键开始取证时截取。未授权时，面板中的取证使用带标注的 DOM 重绘图。',
    grant: '允许浏览器原生截图',
    granted: '已允许浏览器原生截图',
    storage: '已用存储：{used} MB / {quota} MB',
    extensions: '在每次取证中记录已安装的其他扩展（法院会询问取证环境）',
    extensionsOn: '每次取证都会记录其他扩展',
    persistent: '持久存储：{state}',
  },
});

const ALL_SITES = { origins: ['<all_urls>'] };
const MANAGEMENT: { permissions: ['management'] } = { permissions: ['management'] };

/** The optional permissions a capture benefits from, and the storage it lives in. */
export function ScreenshotAccess() {
  const [granted, setGranted] = useState<boolean | undefined>();
  const [storage, setStorage] = useState<StorageStatus | undefined>();
  const [management, setManagement] = useState<boolean | undefined>();
  useEffect(() => {
    void browser.permissions.contains(ALL_SITES).then(setGranted);
    void browser.permissions.contains(MANAGEMENT).then(setManagement);
    void requestPersistentStorage().then(() => storageStatus().then(setStorage));
  }, []);
  const mb = (n: number | undefined) => (n === undefined ? '?' : (n / 1024 / 1024).toFixed(1));
  return (
    <div data-testid="screenshot-access" data-granted={String(!!granted)}>
      <p className="muted">{translate(m, 'screenshots')}</p>
      <button type="button" disabled={granted} onClick={() => void browser.permissions.request(ALL_SITES).then(setGranted)}>
        {translate(m, granted ? 'granted' : 'grant')}
      </button>
      <button type="button" disabled={management} onClick={() => void browser.permissions.request(MANAGEMENT).then(setManagement)}>
        {translate(m, management ? 'extensionsOn' : 'extensions')}
      </button>
      {storage ? (
        <p className="muted">
          {translate(m, 'storage', { used: mb(storage.usageBytes), quota: mb(storage.quotaBytes) })} ·{' '}
          {translate(m, 'persistent', { state: String(storage.persisted ?? '?') })}
        </p>
      ) : null}
    </div>
  );
}
