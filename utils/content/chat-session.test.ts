import { describe, expect, it } from 'vitest';
import { CLIENT_PX, loadLazyChat } from '@/tests/helpers/lazy-chat-page';
import { ChatSession } from '@/utils/content/chat-session';
import type { ContentStartChatCapture } from '@/utils/messaging/chat-schemas';
import { contentStartChatCaptureSchema } from '@/utils/messaging/chat-schemas';
import type { ChatView } from '@/utils/content/chat-view';

const HISTORY = { roundWaitMs: 400, pollMs: 20, stableRounds: 2 };

function session(startCapture: (data: ContentStartChatCapture, s: ChatSession) => Promise<{ evidenceId: string }>) {
  const dom = loadLazyChat();
  const doc = dom.window.document;
  const views: ChatView[] = [];
  const s: ChatSession = new ChatSession(
    {
      doc,
      url: () => doc.URL,
      requestedUrl: doc.URL,
      startCapture: (data) => startCapture(data, s),
      onChange: (v) => views.push(v),
      history: HISTORY,
      screens: { settleMs: 0 },
    },
    'looking',
  );
  return { s, doc, dom, views };
}

describe('ChatSession', () => {
  it('finds the platform list, reads the whole history with progress, and steps every screen for the background', async () => {
    const tops: number[] = [];
    let sent: ContentStartChatCapture | undefined;
    const { s, doc, dom, views } = session(async (data, self) => {
      sent = data;
      const { positions, clientHeight } = self.beginScreens();
      expect(clientHeight).toBe(CLIENT_PX);
      for (const i of positions.keys()) tops.push(await self.scrollToScreen(i));
      self.endScreens();
      return { evidenceId: 'e-1' };
    });
    expect(s.findOwnList()).toBe(true);
    expect(s.view.phase).toBe('ready');
    const list = doc.getElementById('J_MessageList')!;
    const result = await s.run();
    expect(result.started).toBe(true);
    expect(s.view).toMatchObject({ messages: 309, capture: { state: 'done', evidenceId: 'e-1' } });
    expect(contentStartChatCaptureSchema.parse(sent).conversation.messages).toHaveLength(309);
    // progress rose while loading, and the stop button showed only then
    const counts = views.map((v) => v.messages);
    expect(new Set(counts).size).toBeGreaterThan(3);
    expect(views.some((v) => v.capture.reading)).toBe(true);
    expect(s.view.capture.reading).toBeUndefined();
    // screens from the top to the bottom, no gap; the list back where it was
    expect(tops[0]).toBe(0);
    expect(tops.at(-1)).toBe(list.scrollHeight - CLIENT_PX);
    expect(tops.length).toBe(Math.ceil(list.scrollHeight / CLIENT_PX));
    expect(list.scrollTop).toBe(list.scrollHeight - CLIENT_PX);
    dom.window.close();
  });

  it('stop ends the loading and captures what was read, marked incomplete', async () => {
    let sent: ContentStartChatCapture | undefined;
    const { s, dom } = session(async (data) => ((sent = data), { evidenceId: 'e-2' }));
    s.findOwnList();
    const running = s.run();
    await new Promise((r) => setTimeout(r, 300));
    s.stop();
    await running;
    expect(sent?.conversation.complete).toBe(false);
    expect(sent?.conversation.stoppedReason).toBe('aborted');
    expect(sent!.conversation.messages.length).toBeLessThan(309);
    expect(s.view.capture.state).toBe('done');
    dom.window.close();
  });

  it('reports a failed capture and does not start twice', async () => {
    const { s, dom } = session(async () => Promise.reject(new Error('storing: quota')));
    s.findOwnList();
    const first = s.run();
    expect(await s.run()).toEqual({ started: false });
    await first;
    expect(s.view.capture).toMatchObject({ state: 'failed', error: 'storing: quota' });
    dom.window.close();
  });

  it('picks a list on a page without a reader', async () => {
    const { doc, dom } = session(async () => ({ evidenceId: 'x' }));
    const picked = doc.querySelector('#J_MessageList')!;
    const withPicker = new ChatSession({
      doc,
      url: () => 'https://market.m.taobao.com/app/shop-service/',
      requestedUrl: '',
      startCapture: async () => ({ evidenceId: 'p' }),
      onChange: () => {},
      pick: async () => picked,
    });
    withPicker.pick();
    expect(withPicker.view.phase).toBe('picking');
    await new Promise((r) => setTimeout(r, 0));
    expect(withPicker.view).toMatchObject({ phase: 'ready', messages: 0, capture: { state: 'idle' } });
    dom.window.close();
  });
});
