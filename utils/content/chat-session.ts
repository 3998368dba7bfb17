import { chooseReader, readConversation, type HistoryOptions } from '@/utils/chat/read-conversation';
import { pickElement } from '@/utils/chat/element-picker';
import { widenPick } from '@/utils/chat/widen-pick';
import type { CaptureProgress } from '@/utils/messaging/schemas';
import type { ContentStartChatCapture } from '@/utils/messaging/chat-schemas';
import { chatCapturePayload } from '@/utils/content/chat-payload';
import { ScreenStepper, type ScreenStepperOptions } from '@/utils/content/chat-screens';
import { initialChatView, type ChatActions, type ChatView } from '@/utils/content/chat-view';

// The content side of one chat capture: find (or let the user pick) the message list, load and
// read the whole history with progress and a stop button, hand the conversation to the
// background, and step the list screen by screen while the background takes the screenshots.

export interface ChatSessionDeps {
  doc: Document;
  /** the page's URL now (SPA chats change it) */
  url(): string;
  /** the URL the page was requested at, as first seen */
  requestedUrl: string;
  startCapture(data: ContentStartChatCapture): Promise<{ evidenceId: string }>;
  onChange(view: ChatView): void;
  /** text shown while picking */
  pickHint?: string;
  history?: HistoryOptions;
  screens?: ScreenStepperOptions;
  pick?: typeof pickElement;
}

export class ChatSession implements ChatActions {
  view: ChatView;
  private picked: Element | undefined;
  private reading: AbortController | undefined;
  private picking: AbortController | undefined;
  private stepper: ScreenStepper | undefined;

  constructor(
    private readonly deps: ChatSessionDeps,
    phase: ChatView['phase'] = 'none',
  ) {
    this.view = initialChatView(phase);
  }

  private update(patch: Partial<ChatView>): void {
    this.view = { ...this.view, ...patch };
    this.deps.onChange(this.view);
  }

  private busy(): boolean {
    return this.view.capture.state === 'running' || this.view.phase === 'picking';
  }

  /** On a chat page: whether the platform reader finds its list (yet). */
  findOwnList(final = false): boolean {
    if (this.picked || this.view.phase === 'ready') return true;
    try {
      chooseReader(this.deps.doc, this.deps.url());
      this.update({ phase: 'ready' });
      return true;
    } catch {
      if (final) this.update({ phase: 'no-list' });
      return false;
    }
  }

  pick(): void {
    if (this.busy()) return;
    const before = this.view.phase;
    this.picking = new AbortController();
    this.update({ phase: 'picking' });
    const pick = this.deps.pick ?? pickElement;
    void pick({ doc: this.deps.doc, signal: this.picking.signal, hint: this.deps.pickHint }).then((el) => {
      this.picking = undefined;
      if (!el) {
        this.update({ phase: before === 'picking' ? 'none' : before });
        return;
      }
      this.picked = widenPick(el);
      this.update({ phase: 'ready', messages: 0, capture: { state: 'idle' } });
    });
  }

  stop(): void {
    this.reading?.abort();
    this.picking?.abort();
  }

  capture(): void {
    void this.run();
  }

  /** Reads and captures; resolves when the background has stored it (or it failed). */
  async run(): Promise<{ started: boolean }> {
    if (this.busy() || this.view.phase !== 'ready') return { started: false };
    const reading = new AbortController();
    this.reading = reading;
    this.update({ messages: 0, capture: { state: 'running', step: 'reading', reading: true } });
    try {
      const conversation = await readConversation({
        doc: this.deps.doc,
        url: this.deps.url(),
        container: this.picked,
        history: this.deps.history,
        signal: reading.signal,
        onProgress: (messages) => {
          if (messages !== this.view.messages) this.update({ messages });
        },
      });
      this.reading = undefined;
      this.update({ messages: conversation.messages.length, capture: { state: 'running', step: 'screens' } });
      const { evidenceId } = await this.deps.startCapture(chatCapturePayload(conversation, this.deps.doc.title, this.deps.requestedUrl));
      this.update({ capture: { state: 'done', evidenceId } });
    } catch (err) {
      this.update({ capture: { state: 'failed', error: err instanceof Error ? err.message : String(err) } });
    } finally {
      this.reading = undefined;
      this.stepper?.restore();
      this.stepper = undefined;
    }
    return { started: true };
  }

  onProgress(p: CaptureProgress): void {
    if (p.state !== 'running' || this.view.capture.state !== 'running') return;
    this.update({ capture: { state: 'running', step: p.step, done: p.done, total: p.total } });
  }

  /** Background request: the list's screens, from its top. */
  beginScreens(): ReturnType<ScreenStepper['start']> {
    const { container } = chooseReader(this.deps.doc, this.deps.url(), this.picked);
    this.stepper = new ScreenStepper(container, this.deps.screens);
    return this.stepper.start();
  }

  scrollToScreen(index: number): Promise<number> {
    if (!this.stepper) throw new Error('no screens started');
    return this.stepper.scrollTo(index);
  }

  /** Background request: screenshots over, the list back where the user had it. */
  endScreens(): void {
    this.stepper?.restore();
    this.stepper = undefined;
  }
}
