import { useState } from 'react';
import { translate } from '@/utils/i18n/locale';
import type { ChatActions, ChatView } from '@/utils/content/chat-view';
import { panelMessages } from '@/components/panel/panel-messages';
import { chatPanelMessages as m } from '@/components/panel/chat-panel-messages';
import { ChatSection } from '@/components/panel/ChatSection';

/** The panel on a chat page: the same root and styles as the listing panel, chat controls inside. */
export function ChatPanel({ view, actions }: { view: ChatView; actions: ChatActions }) {
  const [collapsed, setCollapsed] = useState(false);
  const state = view.phase === 'looking' ? 'loading' : view.phase === 'no-list' ? 'error' : 'ready';
  return (
    <div className={`lp-panel${collapsed ? ' lp-collapsed' : ''}`} data-testid="evidence-panel" data-state={state} data-kind="chat">
      <div className="lp-head">
        <span className="lp-dot" />
        <strong>{translate(m, 'title')}</strong>
        <button type="button" data-testid="panel-toggle" onClick={() => setCollapsed(!collapsed)}>
          {translate(panelMessages, collapsed ? 'expand' : 'collapse')}
        </button>
      </div>
      <div className="lp-body">
        <ChatSection view={view} actions={actions} pickable={view.phase !== 'ready' && view.phase !== 'looking'} />
      </div>
    </div>
  );
}
