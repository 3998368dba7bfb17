import { browser } from '#imports';
import { defineMessages, translate } from '@/utils/i18n/locale';
import { TrustSettings } from '@/components/dashboard/TrustSettings';
import { ScreenshotAccess } from '@/components/dashboard/ScreenshotAccess';

const m = defineMessages({
  en: {
    title: 'Set up ListingProof',
    intro:
      'Two minutes before the first capture: who you are (recorded in every capture and package signature), the key that signs your packages, and where trusted time comes from.',
    screenshots: 'Browser screenshots',
    screenshotsPlain:
      "Without this permission, captures started from the panel on a listing page hold a DOM re-render of the page (labelled as such), not the browser's own pixels. Captures started from the toolbar button, context menu or shortcut always get the browser's pixels.",
    done: 'Done: open the dashboard',
  },
  'zh-CN': {
    title: '设置 ListingProof',
    intro: '首次取证前只需两分钟：您是谁（记录在每次取证和证据包签名中）、为证据包签名的密钥，以及可信时间的来源。',
    screenshots: '浏览器原生截图',
    screenshotsPlain:
      '未授予此权限时，从商品页面板发起的取证只保存页面的 DOM 重绘图（会注明），而不是浏览器的原生像素。从工具栏按钮、右键菜单或快捷键发起的取证始终使用浏览器原生像素。',
    done: '完成：打开控制台',
  },
});

/** The view the dashboard opens on at install (`#setup`). */
export function FirstRunSetup() {
  return (
    <section data-testid="first-run-setup">
      <h2>{translate(m, 'title')}</h2>
      <p>{translate(m, 'intro')}</p>
      <TrustSettings />
      <h3>{translate(m, 'screenshots')}</h3>
      <p>{translate(m, 'screenshotsPlain')}</p>
      <ScreenshotAccess />
      <p>
        <a href={browser.runtime.getURL('/dashboard.html')}>{translate(m, 'done')}</a>
      </p>
    </section>
  );
}
