import type { ContentScriptContext } from '#imports';
import { mountPanel } from '@/utils/content/mount-panel';
import { ChatPanel } from '@/components/panel/ChatPanel';
import { createPageChatSession } from '@/utils/content/page-chat-session';
import { registerChatTabHandlers } from '@/utils/content/chat-tab-handlers';

/** How long a chat page may take to render its message list before the panel offers the picker. */
const LIST_DEADLINE_MS = 15_000;

/** A buyer-side chat page: mount the chat panel and run the chat session (capture, screens). */
export async function runChatScript(ctx: ContentScriptContext): Promise<void> {
  const panel = await mountPanel(ctx);
  const session = createPageChatSession(() => render(), 'looking');
  const render = () => panel.render(<ChatPanel view={session.view} actions={session} />);
  render();
  registerChatTabHandlers(ctx, session, { answerTriggers: true });

  // Chat pages render their list after load (SPA): look again until it is there or time is up.
  const started = Date.now();
  if (session.findOwnList()) return;
  const timer = ctx.setInterval(() => {
    if (session.findOwnList(Date.now() - started >= LIST_DEADLINE_MS) || session.view.phase === 'no-list') clearInterval(timer);
  }, 500);
}
