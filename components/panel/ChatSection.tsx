import { translate } from '@/utils/i18n/locale';
import type { ChatActions, ChatView } from '@/utils/content/chat-view';
import { chatPanelMessages as m } from '@/components/panel/chat-panel-messages';

interface Props {
  view: ChatView;
  actions: ChatActions;
  /** offer the element picker (pages without a chat reader, or a reader that found nothing) */
  pickable: boolean;
}

function captureLabel(c: ChatView['capture']): string {
  if (c.state === 'done') return translate(m, 'done');
  if (c.state === 'failed') return translate(m, 'failed', { error: c.error ?? '' });
  if (c.state !== 'running') return translate(m, 'capture');
  if (c.reading) return translate(m, 'reading');
  if (c.step === 'screens' && c.total) return translate(m, 'step-screens', { done: (c.done ?? 0) + 1, total: c.total });
  return translate(m, 'step-other', { step: c.step ?? '' });
}

/** Contract §1: chat-capture-button and chat-message-count, plus the picker and a stop button. */
export function ChatSection({ view, actions, pickable }: Props) {
  const running = view.capture.state === 'running';
  const ready = view.phase === 'ready';
  return (
    <div className="lp-chat" data-testid="chat-section" data-phase={view.phase}>
      {view.phase === 'picking' ? <p className="lp-note">{translate(m, 'picking')}</p> : null}
      {view.phase === 'looking' || view.phase === 'no-list' ? <p className="lp-note">{translate(m, view.phase)}</p> : null}
      {pickable ? (
        <button type="button" data-testid="chat-pick-button" disabled={running || view.phase === 'picking'} onClick={() => actions.pick()}>
          {translate(m, ready ? 'pickAgain' : 'pick')}
        </button>
      ) : null}
      {ready ? (
        <>
          <div className="lp-row" data-testid="chat-message-count" data-value={view.messages}>
            <span>{translate(m, 'messages')}</span>
            <span>{view.messages}</span>
          </div>
          <button
            type="button"
            className="lp-primary"
            data-testid="chat-capture-button"
            data-capture-state={view.capture.state}
            {...(view.capture.evidenceId ? { 'data-evidence-id': view.capture.evidenceId } : {})}
            disabled={running}
            onClick={() => actions.capture()}
          >
            {captureLabel(view.capture)}
          </button>
          {running && view.capture.reading ? (
            <button type="button" data-testid="chat-stop-button" onClick={() => actions.stop()}>
              {translate(m, 'stop')}
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
