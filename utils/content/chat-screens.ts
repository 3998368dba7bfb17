import { elementScroller, type Scroller } from '@/utils/chat/load-history';
import { screenPositions } from '@/utils/chat/screens';
import type { ChatScreensReply } from '@/utils/messaging/chat-schemas';

// The page side of chat screenshots: the background shoots (captureVisibleTab lives there) and
// asks for one screen at a time, so the stepping of forEachScreen is split into requests here:
// the same positions (screenPositions), the same settle wait, the list put back at the end.

export interface ScreenStepperOptions {
  settleMs?: number;
  overlapPx?: number;
  sleep?: (ms: number) => Promise<void>;
  scroller?: Scroller;
}

export class ScreenStepper {
  private readonly scroller: Scroller;
  private readonly original: number;
  private positions: number[] = [];

  constructor(
    container: Element,
    private readonly options: ScreenStepperOptions = {},
  ) {
    // No scroll events announced: stepping must not make the page load more history.
    this.scroller = options.scroller ?? elementScroller(container, false);
    this.original = this.scroller.getScrollTop();
  }

  start(): ChatScreensReply {
    const scrollHeight = this.scroller.getScrollHeight();
    const clientHeight = this.scroller.getClientHeight();
    this.positions = screenPositions(scrollHeight, clientHeight, this.options.overlapPx ?? 0);
    return { positions: this.positions, scrollHeight, clientHeight };
  }

  /** Scrolls to screen `index`, waits for the paint; the scrollTop reached. */
  async scrollTo(index: number): Promise<number> {
    const top = this.positions[index];
    if (top === undefined) throw new Error(`no screen ${index} (${this.positions.length} screens)`);
    this.scroller.setScrollTop(top);
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    await sleep(this.options.settleMs ?? 250);
    return this.scroller.getScrollTop();
  }

  restore(): void {
    this.scroller.setScrollTop(this.original);
  }
}
