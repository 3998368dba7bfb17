import type { CaptureView } from '@/utils/content/panel-view';

// What the chat part of the panel shows (contract §1: chat-capture-button, chat-message-count).

export interface ChatView {
  /**
   * `none`: no list yet (the picker was not used); `looking`: a chat page still rendering its
   * list; `picking`: the picker is active; `ready`: a list to capture; `no-list`: none found.
   */
  phase: 'none' | 'looking' | 'picking' | 'ready' | 'no-list';
  /** messages read so far */
  messages: number;
  /** `reading` while the history loads (the stop button shows then) */
  capture: CaptureView & { reading?: boolean; done?: number; total?: number };
}

export function initialChatView(phase: ChatView['phase'] = 'none'): ChatView {
  return { phase, messages: 0, capture: { state: 'idle' } };
}

export interface ChatActions {
  pick(): void;
  capture(): void;
  stop(): void;
}
