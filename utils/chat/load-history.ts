import type { ChatStoppedReason } from '@/utils/model/chat';

// Chat pages load older messages when the list is scrolled to its top. This drives that loop,
// bounded in rounds and time, and stops once neither the list's height nor the message count
// has grown for a few rounds. Scroll metrics are injectable because jsdom has no layout.

export interface Scroller {
  getScrollTop(): number;
  setScrollTop(top: number): void;
  getScrollHeight(): number;
  getClientHeight(): number;
}

/** `announce`: also dispatch scroll and wheel events, for loading history (not for screenshots). */
export function elementScroller(el: Element, announce = true): Scroller {
  return {
    getScrollTop: () => el.scrollTop,
    setScrollTop: (top) => {
      el.scrollTop = top;
      if (!announce) return;
      // Pages listen for scroll (and some for wheel) to fetch older messages; setting scrollTop
      // to the value it already has fires nothing, so say it explicitly.
      // Events from the list's own window: a frame's or jsdom's DOM rejects foreign ones.
      const view = el.ownerDocument.defaultView;
      if (!view) return;
      el.dispatchEvent(new view.Event('scroll', { bubbles: false }));
      if (typeof view.WheelEvent === 'function') el.dispatchEvent(new view.WheelEvent('wheel', { deltaY: -120, bubbles: true }));
    },
    getScrollHeight: () => el.scrollHeight,
    getClientHeight: () => el.clientHeight,
  };
}

export interface LoadHistoryOptions {
  /** messages currently readable; growth of this (or of the height) means more loaded */
  countMessages: () => number;
  scroller?: Scroller;
  maxRounds?: number;
  maxDurationMs?: number;
  /** rounds without growth before the top counts as reached */
  stableRounds?: number;
  /** how long one round waits for the page to add older messages */
  roundWaitMs?: number;
  pollMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: { round: number; messages: number }) => void;
  /** called after each round, e.g. to read rows a virtualised list may drop later */
  onRound?: () => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface LoadHistoryResult {
  rounds: number;
  messages: number;
  complete: boolean;
  stoppedReason: ChatStoppedReason;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function loadHistory(container: Element | null, options: LoadHistoryOptions): Promise<LoadHistoryResult> {
  const scroller = options.scroller ?? (container ? elementScroller(container) : undefined);
  if (!scroller) throw new Error('loadHistory needs a container or a scroller');
  const maxRounds = options.maxRounds ?? 400;
  const maxDurationMs = options.maxDurationMs ?? 5 * 60_000;
  const stableRounds = options.stableRounds ?? 3;
  const roundWaitMs = options.roundWaitMs ?? 1500;
  const pollMs = options.pollMs ?? 100;
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? defaultSleep;
  const started = now();

  // Anchor: the distance from the bottom, so the user's view returns to the same messages.
  const fromBottom = scroller.getScrollHeight() - scroller.getScrollTop();
  let messages = options.countMessages();
  let rounds = 0;
  let quiet = 0;
  let stoppedReason: ChatStoppedReason = 'top-reached';

  try {
    while (true) {
      if (options.signal?.aborted) {
        stoppedReason = 'aborted';
        break;
      }
      if (rounds >= maxRounds) {
        stoppedReason = 'max-rounds';
        break;
      }
      if (now() - started >= maxDurationMs) {
        stoppedReason = 'max-duration';
        break;
      }
      rounds++;
      const height = scroller.getScrollHeight();
      const count = messages;
      scroller.setScrollTop(0);
      const deadline = now() + roundWaitMs;
      let grew = false;
      while (now() < deadline && !options.signal?.aborted) {
        await sleep(pollMs);
        if (scroller.getScrollHeight() > height || options.countMessages() > count) {
          grew = true;
          break;
        }
      }
      messages = Math.max(messages, options.countMessages());
      options.onRound?.();
      options.onProgress?.({ round: rounds, messages });
      quiet = grew ? 0 : quiet + 1;
      if (quiet >= stableRounds) break;
    }
  } finally {
    scroller.setScrollTop(Math.max(0, scroller.getScrollHeight() - fromBottom));
  }
  return { rounds, messages, complete: stoppedReason === 'top-reached', stoppedReason };
}
