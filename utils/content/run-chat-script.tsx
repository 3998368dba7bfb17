import { createRoot, type Root } from 'react-dom/client';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { setLocaleOverride } from '@/utils/i18n/locale';
import { loadSettings, localeOf } from '@/utils/settings/settings';
import { ChatPanel } from '@/components/panel/ChatPanel';
import { PANEL_CSS } from '@/components/panel/panel-styles';
import { OWN_UI_ATTRIBUTE } from '@/utils/content/observe-page';
import { createPageChatSession } from '@/utils/content/page-chat-session';
import { registerChatTabHandlers } from '@/utils/content/chat-tab-handlers';

/** How long a chat page may take to render its message list before the panel offers the picker. */
const LIST_DEADLINE_MS = 15_000;

/** A buyer-side chat page: mount the chat panel and run the chat session (capture, screens). */
export async function runChatScript(ctx: ContentScriptContext): Promise<void> {
  const settings = await loadSettings().catch(() => undefined);
  setLocaleOverride(settings ? localeOf(settings) : undefined);
  let root: Root | undefined;
  const session = createPageChatSession(() => render(), 'looking');
  const render = () => root?.render(<ChatPanel view={session.view} actions={session} />);

  const ui = await createShadowRootUi(ctx, {
    name: 'listingproof-panel',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: PANEL_CSS,
    onMount(container, _shadow, host) {
      host.setAttribute(OWN_UI_ATTRIBUTE, 'panel');
      root = createRoot(container);
      return root;
    },
    onRemove(r) {
      r?.unmount();
    },
  });
  ui.mount();
  render();
  registerChatTabHandlers(ctx, session, { answerTriggers: true });

  // Chat pages render their list after load (SPA): look again until it is there or time is up.
  const started = Date.now();
  if (session.findOwnList()) return;
  const timer = ctx.setInterval(() => {
    if (session.findOwnList(Date.now() - started >= LIST_DEADLINE_MS) || session.view.phase === 'no-list') clearInterval(timer);
  }, 500);
}
