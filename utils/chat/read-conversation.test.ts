import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocument, ownFixture } from '@/tests/helpers/load-page';
import { LAZY_CHAT_URL, loadLazyChat } from '@/tests/helpers/lazy-chat-page';
import { chatJsonSchema } from '@/utils/model/chat';
import { ChatReadError, readConversation, type Conversation } from '@/utils/chat/read-conversation';
import { assignImagePaths, toChatJson } from '@/utils/chat/chat-json';

// Wednesday 5 November 2025, 15:00 in China.
const NOW = new Date('2025-11-05T07:00:00Z');
const TAOBAO_URL = 'https://market.m.taobao.com/app/im/chat/index.html?toId=2219315280500';

describe('readConversation on the platform fixtures', () => {
  it('Taobao: header, resolved times, dividers folded into the messages', async () => {
    const doc = loadDocument(ownFixture('chat/taobao-wangwang.html'), TAOBAO_URL);
    const conv = await readConversation({ doc, url: TAOBAO_URL, history: false, now: NOW });
    expect(conv).toMatchObject({
      reader: 'taobao-wangwang',
      platform: 'taobao',
      shop: { name: '回力棉娅专卖店', id: '106453811', sellerId: '2219315280500' },
      itemLink: 'https://item.taobao.com/item.htm?id=750123456781',
      complete: false,
      stoppedReason: 'not-loaded',
    });
    expect(conv.messages.map((m) => [m.role, m.time])).toEqual([
      ['buyer', '2025-11-03T09:12:00+08:00'],
      ['seller', '2025-11-03T09:13:00+08:00'],
      ['seller', '2025-11-03T09:14:00+08:00'],
      ['system', ''],
      ['buyer', '2025-11-04T09:12:00+08:00'],
      ['system', ''],
      ['seller', '2025-11-05T14:03:00+08:00'],
      ['buyer', '2025-11-05T14:05:00+08:00'],
    ]);
    expect(conv.messages[1]?.dateText).toBe('2025-11-03');
    expect(conv.imageUrls).toEqual(['https://img.alicdn.com/imgextra/i1/goods-card.jpg', 'https://img.alicdn.com/imgextra/i2/buyer-photo.jpg']);
  });

  it('JD and Pinduoduo: rows without a time take the time line in force', async () => {
    const jdUrl = 'https://chat.jd.com/index.action?venderId=1000381022';
    const jd = await readConversation({ doc: loadDocument(ownFixture('chat/jd-dongdong.html'), jdUrl), url: jdUrl, history: false, now: NOW });
    expect(jd.messages[3]).toMatchObject({
      role: 'buyer',
      timeText: '11-03 09:12',
      time: '2025-11-03T09:12:00+08:00',
      imageUrls: ['https://img30.360buyimg.com/chat/jfs/t1/receipt.jpg'],
    });
    const pddUrl = 'https://mobile.yangkeduo.com/chat_detail.html?mall_id=877317613';
    const pdd = await readConversation({ doc: loadDocument(ownFixture('chat/pdd-chat.html'), pddUrl), url: pddUrl, history: false, now: NOW });
    expect(pdd.shop).toEqual({ name: '景瑞家居旗舰店', id: '877317613' });
    expect(pdd.messages.at(-1)).toMatchObject({ timeText: '14:03', time: '2025-11-03T14:03:00+08:00', text: '亲，可以申请退款' });
  });

  it('a picked list on an unknown page goes to the generic reader; no list, no reader: an error', async () => {
    const doc = loadDocument(ownFixture('chat/generic-b.html'), 'https://chat.example.com/');
    const conv = await readConversation({ doc, url: doc.URL, container: doc.querySelector('#list'), history: false, now: NOW });
    expect(conv.reader).toBe('generic');
    expect(conv.platform).toBe('unknown');
    expect(conv.messages).toHaveLength(8);
    await expect(readConversation({ doc, url: doc.URL, history: false })).rejects.toBeInstanceOf(ChatReadError);
  });
});

const HISTORY = { roundWaitMs: 400, pollMs: 20, stableRounds: 2 };

async function readLazy(mode: 'taobao' | 'generic' | 'virtual'): Promise<{ conv: Conversation; counts: number[] }> {
  const dom = loadLazyChat(mode === 'generic' ? 'https://chat.example.com/im/' : LAZY_CHAT_URL, { virtualise: mode === 'virtual' });
  const doc = dom.window.document;
  const counts: number[] = [];
  const conv = await readConversation({
    doc,
    url: doc.URL,
    container: mode === 'generic' ? doc.getElementById('J_MessageList') : undefined,
    now: NOW,
    history: HISTORY,
    onProgress: (n) => counts.push(n),
  });
  dom.window.close();
  return { conv, counts };
}

function checkLazyTranscript(conv: Conversation): void {
  const numbered = conv.messages.filter((m) => /^消息 \d{3}/.test(m.text));
  expect(numbered.map((m) => Number(m.text.slice(3, 6)))).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  expect(conv.messages).toHaveLength(309);
  expect(conv.complete).toBe(true);
  expect(conv.messages.filter((m) => m.recalled)).toHaveLength(8);
  expect(conv.imageUrls).toHaveLength(12);
  expect(numbered.every((m) => m.role === (Number(m.text.slice(3, 6)) % 2 === 0 ? 'buyer' : 'seller'))).toBe(true);
  expect(numbered.every((m) => /^2025-1[01]-\d\dT\d\d:\d\d:\d\d\+08:00$/.test(m.time))).toBe(true);
  const time = (n: number): string => numbered[n - 1]!.time;
  expect([time(1), time(51), time(91), time(131), time(171), time(201), time(232), time(231), time(261), time(281), time(282)]).toEqual([
    '2025-10-28T09:00:00+08:00', // 2025-10-28 09:00
    '2025-10-29T09:00:00+08:00', // 10-29 09:00
    '2025-10-30T09:00:30+08:00', // 2025/10/30 09:00:30
    '2025-10-31T09:00:00+08:00', // 09:00 under 10月31日
    '2025-11-01T09:00:00+08:00', // 周六 09:00
    '2025-11-02T09:00:00+08:00', // 星期日 09:00
    '2025-11-03T09:03:00+08:00', // 11月3日 09:03
    '2025-11-03T09:00:00+08:00', // 前天 09:00
    '2025-11-04T09:00:00+08:00', // 昨天 09:00
    '2025-11-05T09:00:00+08:00', // 09:00 under 今天
    '2025-11-05T09:03:00+08:00', // 今天 09:03
  ]);
}

describe('readConversation on lazy-300', () => {
  let taobao: { conv: Conversation; counts: number[] };
  beforeAll(async () => {
    taobao = await readLazy('taobao');
  });

  it('Taobao reader: all 300 messages in order, once each, every time format resolved', () => {
    checkLazyTranscript(taobao.conv);
    expect(taobao.counts[0]).toBe(32); // messages 271–300, a recalled notice and 以下为新消息
    expect(taobao.counts.at(-1)).toBe(309);
    // While loading the count only grows (rows seen, date lines included); the last is exact.
    const loading = taobao.counts.slice(0, -1);
    expect(loading).toEqual([...loading].sort((a, b) => a - b));
  });

  it('generic reader on the picked list reads the same transcript', async () => {
    const { conv } = await readLazy('generic');
    expect(conv.reader).toBe('generic');
    checkLazyTranscript(conv);
  });

  it('a list that drops rows while loading (virtualised) still yields every message once', async () => {
    const { conv } = await readLazy('virtual');
    checkLazyTranscript(conv);
  });

  it('to chat.json: images become numbered zip paths, the result passes the schema', () => {
    const conv = taobao.conv;
    const paths = assignImagePaths(conv.imageUrls.map((url, i) => ({ url, mediaType: i === 0 ? 'image/png; charset=binary' : 'image/svg+xml' })));
    const json = toChatJson(conv, paths, { capturedAt: '2025-11-05T15:00:00+08:00' });
    expect(chatJsonSchema.parse(json)).toEqual(json);
    expect(json).toMatchObject({ platform: 'taobao', shop: { name: '回力棉娅专卖店', id: '106453811' }, messageCount: 309, complete: true });
    const withImages = json.messages.filter((m) => m.images.length > 0);
    expect(withImages.map((m) => m.images[0])).toEqual([
      'images/001.png',
      ...Array.from({ length: 11 }, (_, i) => `images/${String(i + 2).padStart(3, '0')}.svg`),
    ]);
    expect(withImages[0]?.text.startsWith('消息 025')).toBe(true);
    // Contract fields on every message.
    for (const m of json.messages) expect(Object.keys(m)).toEqual(expect.arrayContaining(['role', 'name', 'timeText', 'time', 'text', 'images']));
    // An image that could not be fetched has no path but keeps its URL.
    const partial = toChatJson(conv, new Map(), {});
    expect(partial.messages.find((m) => m.imageUrls)?.images).toEqual([]);
  });
});
