// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ChatJson } from '@/utils/model/chat';
import { CHAT_CSP, renderChatHtml } from '@/utils/chat/chat-html';

const HOSTILE = `"><script>alert(1)</script><img src=x onerror=alert(2)>'\`&amp;`;

const chat: ChatJson = {
  platform: 'taobao',
  shop: { name: `店铺${HOSTILE}`, id: '106453811' },
  sellerNick: `nick${HOSTILE}`,
  itemLink: 'https://item.taobao.com/item.htm?id=1&x="><script>',
  url: 'https://market.m.taobao.com/app/im/chat/index.html',
  capturedAt: '2025-11-05T15:00:00+08:00',
  messageCount: 4,
  complete: false,
  stoppedReason: 'aborted',
  messages: [
    {
      role: 'buyer',
      name: `买家${HOSTILE}`,
      timeText: `今天 14:03${HOSTILE}`,
      time: '2025-11-05T14:03:00+08:00',
      text: `你好\n${HOSTILE}`,
      images: ['images/001.png'],
    },
    {
      role: 'seller',
      name: '客服',
      timeText: '14:05',
      time: '2025-11-05T14:05:00+08:00',
      text: '看图',
      images: ['images/002.jpg', 'javascript:alert(3)', '../../etc/passwd', 'https://evil.example/x.png'],
      links: [{ href: 'javascript:alert(4)', text: HOSTILE }],
    },
    { role: 'system', name: '', timeText: '', time: '', text: '对方撤回了一条消息', images: [], recalled: true },
    { role: 'seller', name: '', timeText: '刚刚', time: '', text: '好的', images: [] },
  ],
};

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('renderChatHtml', () => {
  it('escapes every page string: no element, attribute or script comes from the data', () => {
    const html = renderChatHtml(chat, { locale: 'en' });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('javascript:alert(3)');
    const doc = parse(html);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(Array.from(doc.querySelectorAll('*')).some((el) => Array.from(el.attributes).some((a) => a.name.startsWith('on')))).toBe(false);
    // The hostile strings survive as text.
    expect(doc.querySelector('.buyer .bubble')?.textContent).toContain(HOSTILE);
    expect(doc.title).toContain(HOSTILE);
  });

  it('is self-contained: strict CSP, inline style, only relative image paths', () => {
    const doc = parse(renderChatHtml(chat, { locale: 'en' }));
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(CHAT_CSP);
    expect(CHAT_CSP).toContain("default-src 'none'");
    expect(doc.querySelectorAll('link, script, iframe, object')).toHaveLength(0);
    expect(Array.from(doc.querySelectorAll('img')).map((i) => i.getAttribute('src'))).toEqual(['images/001.png', 'images/002.jpg']);
  });

  it('bubbles by role with time as shown and as parsed, header facts, recalled marked', () => {
    const doc = parse(renderChatHtml(chat, { locale: 'en' }));
    expect(Array.from(doc.querySelectorAll('main .msg')).map((m) => m.getAttribute('data-role'))).toEqual(['buyer', 'seller', 'system', 'seller']);
    const meta = doc.querySelector('.seller .meta')?.textContent ?? '';
    expect(meta).toContain('14:05');
    expect(meta).toContain('2025-11-05T14:05:00+08:00');
    expect(doc.querySelectorAll('main .msg')[3]?.textContent).toContain('not parsed');
    expect(doc.querySelector('.recalled')?.textContent).toContain('recalled');
    const header = doc.querySelector('header')?.textContent ?? '';
    for (const fact of ['taobao', '106453811', '2025-11-05T15:00:00+08:00', '4', 'not fully loaded (aborted)']) expect(header).toContain(fact);
  });

  it('speaks Chinese when asked', () => {
    const doc = parse(renderChatHtml(chat, { locale: 'zh-CN' }));
    expect(doc.documentElement.lang).toBe('zh-CN');
    expect(doc.querySelector('h1')?.textContent).toContain('聊天记录');
    expect(doc.querySelector('.buyer .meta')?.textContent).toContain('买家');
  });

  it('says so when there are no messages', () => {
    const doc = parse(renderChatHtml({ platform: 'unknown', shop: { name: '', id: '' }, messages: [] }, { locale: 'en' }));
    expect(doc.querySelector('main')?.textContent).toContain('No messages were read');
  });
});
