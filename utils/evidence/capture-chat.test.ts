import { afterEach, describe, expect, it } from 'vitest';
import { ListingProofDatabase } from '@/utils/db/database';
import type { Conversation } from '@/utils/chat/read-conversation';
import {
  captureChat,
  CHAT_SCREENSHOT_PERMISSION_WARNING,
  screenPath,
  type CaptureChatDeps,
  type CaptureChatInput,
  type ChatCaptureProgress,
  type ChatPageRequests,
} from '@/utils/evidence/capture-chat';
import { sha256Hex } from '@/utils/evidence/hash';
import { chatJsonSchema } from '@/utils/model/chat';
import { captureRecordSchema } from '@/utils/model/capture';
import { fakeClock, fakePngDataUrl } from '@/tests/helpers/evidence-fakes';

const dbs: ListingProofDatabase[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.delete()));

const SVG = 'data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E';
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]);

function conversation(over: Partial<Conversation> = {}): Conversation {
  return {
    reader: 'taobao-wangwang',
    platform: 'taobao',
    url: 'https://market.m.taobao.com/app/im/chat/index.html?toId=1',
    shop: { name: '回力棉娅专卖店', id: '106453811', sellerId: '2219315280500' },
    itemLink: 'https://item.taobao.com/item.htm?id=781234567890',
    messages: [
      {
        role: 'seller',
        name: '小余',
        timeText: '今天 09:00',
        time: '2025-11-05T09:00:00+08:00',
        text: '消息 001',
        imageUrls: ['https://img.alicdn.com/chat/a.jpg'],
        links: [],
      },
      { role: 'buyer', name: '', timeText: '09:01', time: '2025-11-05T09:01:00+08:00', text: '消息 002', imageUrls: [SVG], links: [] },
      {
        role: 'buyer',
        name: '',
        timeText: '09:02',
        time: '2025-11-05T09:02:00+08:00',
        text: '消息 003',
        imageUrls: ['https://img.alicdn.com/chat/missing.jpg'],
        links: [],
      },
    ],
    imageUrls: ['https://img.alicdn.com/chat/a.jpg', SVG, 'https://img.alicdn.com/chat/missing.jpg'],
    complete: true,
    stoppedReason: 'top-reached',
    utcOffsetMinutes: 480,
    ...over,
  };
}

function setup(over: { deps?: Partial<CaptureChatDeps>; page?: Partial<ChatPageRequests> } = {}) {
  const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
  dbs.push(db);
  const clock = fakeClock();
  const log: string[] = [];
  const shots: number[] = [];
  let top = 0;
  const positions = [0, 480, 960, 1100];
  const page: ChatPageRequests = {
    hideUi: async () => void log.push('hideUi'),
    showUi: async () => void log.push('showUi'),
    screens: async () => ({ positions, scrollHeight: 1580, clientHeight: 480 }),
    scrollToScreen: async (i) => void ((top = positions[i]!), log.push(`screen ${i}`)),
    ...over.page,
  };
  let uuid = 0;
  const deps: CaptureChatDeps = {
    captureVisibleTab: async () => (shots.push(clock.now()), log.push('shot'), fakePngDataUrl(1280, 800, `top ${top}`)),
    page,
    fetch: async (url) =>
      url.includes('missing') ? new Response('', { status: 404 }) : new Response(JPEG.slice(), { headers: { 'content-type': 'image/jpeg' } }),
    environment: async () => ({
      userAgent: 'ua',
      browser: 'Chrome 131',
      extensionVersion: '0.1.0',
      os: 'Linux',
      timeZone: 'Asia/Shanghai',
      language: 'zh-CN',
      viewport: { width: 1280, height: 800, devicePixelRatio: 1 },
    }),
    now: () => new Date('2026-11-23T13:05:03.123Z'),
    randomUUID: () => `00000000-0000-4000-8000-${String(++uuid).padStart(12, '0')}`,
    db,
    clock,
    ...over.deps,
  };
  const input: CaptureChatInput = {
    windowId: 3,
    requestedUrl: 'https://market.m.taobao.com/app/im/chat/index.html?toId=1',
    finalUrl: 'https://market.m.taobao.com/app/im/chat/index.html?toId=1',
    pageTitle: '旺旺',
    conversation: conversation(),
    verdict: { seller: 'unauthorized', price: 'unknown' },
    investigator: 'Li Wei',
    locale: 'en',
  };
  return { db, deps, input, log, shots };
}

describe('captureChat', () => {
  it('shoots every screen within the rate limit, stores images, chat.json and chat.html with their hashes', async () => {
    const { db, deps, input, log, shots } = setup();
    const events: ChatCaptureProgress[] = [];
    const record = await captureChat(deps, input, (p) => events.push(p));

    expect(captureRecordSchema.parse(record)).toEqual(record);
    expect(record).toMatchObject({ kind: 'chat', platform: 'taobao', itemId: '781234567890', title: 'chat with 回力棉娅专卖店', price: { lowest: '' } });
    expect(record.shop).toEqual({ name: '回力棉娅专卖店', id: '106453811', sellerId: '2219315280500' });
    expect(log).toEqual(['hideUi', 'screen 0', 'shot', 'screen 1', 'shot', 'screen 2', 'shot', 'screen 3', 'shot', 'showUi']);
    for (let i = 1; i < shots.length; i++) expect(shots[i]! - shots[i - 1]!).toBeGreaterThanOrEqual(500);
    const paths = record.artifacts.map((a) => a.path);
    expect(paths).toEqual(['screen-01.png', 'screen-02.png', 'screen-03.png', 'screen-04.png', 'images/001.jpg', 'images/002.svg', 'chat.json', 'chat.html']);
    expect(record.artifacts.find((a) => a.path === 'screen-04.png')?.note).toMatch(/4\/4 .* scrollTop 1100/);
    expect(record.warnings.join('\n')).toMatch(/missing\.jpg/);

    const blobs = await db.artifactBlobs.where('captureId').equals(record.id).toArray();
    for (const a of record.artifacts) {
      const blob = blobs.find((b) => b.id === `${record.id}/${a.path}`)!.data;
      expect(await sha256Hex(blob), a.path).toBe(a.sha256);
    }
    const chat = chatJsonSchema.parse(JSON.parse(await blobs.find((b) => b.id.endsWith('/chat.json'))!.data.text()));
    expect(chat.messages.map((m) => m.images)).toEqual([['images/001.jpg'], ['images/002.svg'], []]);
    expect(chat.messages[2]?.imageUrls).toEqual(['https://img.alicdn.com/chat/missing.jpg']);
    const html = await blobs.find((b) => b.id.endsWith('/chat.html'))!.data.text();
    expect(html).toContain('消息 003');
    expect(html).toContain('src="images/001.jpg"');
    expect(events.at(-1)).toEqual({ step: 'storing', done: 5, total: 5 });
    expect(events.filter((e) => e.step === 'screens').length).toBeGreaterThanOrEqual(4);
  });

  it('seals a chat capture too: seal.json lists chat.json, chat.html, screens and images, and a timestamp is queued', async () => {
    const { db, deps, input } = setup({ deps: { seal: { name: 'Li', org: 'Acme IP', keyId: 'cd'.repeat(32) } } });
    const record = await captureChat(deps, input);
    const seal = JSON.parse(await (await db.artifactBlobs.get(`${record.id}/seal.json`))!.data.text());
    const others = record.artifacts
      .filter((a) => a.path !== 'seal.json')
      .map((a) => a.path)
      .sort();
    expect(seal.files.map((f: { path: string }) => f.path)).toEqual(others);
    expect(others).toEqual(expect.arrayContaining(['chat.json', 'chat.html']));
    expect(seal.investigator).toEqual({ name: 'Li', org: 'Acme IP', keyId: 'cd'.repeat(32) });
    expect((await db.timestamps.get(record.id))?.status).toBe('pending');
  });

  it('joins the case of the same shop as a listing capture would', async () => {
    const { db, deps, input } = setup();
    const first = await captureChat(deps, input);
    const second = await captureChat(deps, input);
    expect(second.caseId).toBe(first.caseId);
    expect(await db.cases.count()).toBe(1);
  });

  it('without screenshot access stores the conversation and says why the screens are missing', async () => {
    const { deps, input, log } = setup({
      deps: { captureVisibleTab: async () => Promise.reject(new Error("Either the '<all_urls>' or 'activeTab' permission is required.")) },
    });
    const record = await captureChat(deps, input);
    expect(record.artifacts.some((a) => a.path.startsWith('screen-'))).toBe(false);
    expect(record.warnings).toContain(CHAT_SCREENSHOT_PERMISSION_WARNING);
    expect(log.at(-1)).toBe('showUi');
  });

  it('fails naming the step when a screen cannot be reached, and puts the page back', async () => {
    const { deps, input, log } = setup({ page: { scrollToScreen: async () => Promise.reject(new Error('tab gone')) } });
    await expect(captureChat(deps, input)).rejects.toThrow(/^screens: tab gone/);
    expect(log.at(-1)).toBe('showUi');
  });

  it('records an incomplete history and a picked list on a marketplace page', async () => {
    const { deps, input } = setup();
    const record = await captureChat(deps, {
      ...input,
      conversation: conversation({ platform: 'unknown', reader: 'generic', complete: false, stoppedReason: 'aborted', itemLink: undefined }),
    });
    expect(record.platform).toBe('taobao');
    expect(record.itemId).toBe('');
    expect(record.extractorVersion).toBe('chat/generic');
    expect(record.warnings.join('\n')).toMatch(/history not loaded to the first message \(aborted\)/);
  });

  it('numbers screenshots so they sort in scroll order', () => {
    expect(screenPath(0, 9)).toBe('screen-01.png');
    expect(screenPath(99, 120)).toBe('screen-100.png');
  });
});
