import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { loadDocument, ownFixture } from '@/tests/helpers/load-page';
import type { RawChatMessage } from '@/utils/model/chat';
import { findMessageRows, genericReader } from '@/utils/chat/readers/generic';
import { markOwnNode } from '@/utils/content/own-nodes';
import type { Box, Measure } from '@/utils/chat/role-hints';

const summary = (rows: RawChatMessage[]): string[] => rows.map((r) => `${r.kind}:${r.role}:${r.timeText}:${r.text}`);

function readFixture(name: string, selector: string): { rows: RawChatMessage[]; doc: Document } {
  const doc = loadDocument(ownFixture(`chat/${name}`), 'https://chat.example.com/im/');
  const container = doc.querySelector(selector);
  expect(container).not.toBeNull();
  return { rows: genericReader.readMessages(container!), doc };
}

describe('generic reader', () => {
  it('layout A: div bubbles with self/other classes and times inside', () => {
    const { rows, doc } = readFixture('generic-a.html', '#conv');
    expect(summary(rows)).toEqual([
      'message:seller:2025-11-03 09:12:您好，欢迎光临',
      'message:buyer:2025-11-03 09:13:耳机有发票吗？',
      'message:seller:昨天 09:12:',
      'system:system::对方撤回了一条消息',
      'system:system::以下为新消息',
      'message:seller:今天 14:03:活动链接 XR-200 降噪耳机',
      'message:buyer:今天 14:05:价格比官方低这么多？\n是正品吗',
    ]);
    expect(rows[0]?.name).toBe('优品数码客服');
    expect(rows[2]?.images).toEqual(['https://cdn.example.com/chat/invoice.jpg']);
    expect(rows[3]?.recalled).toBe(true);
    expect(rows[5]?.itemLink).toBe('https://detail.tmall.com/item.htm?id=680000000001');
    expect(genericReader.readHeader(doc)).toEqual({ shopName: '优品数码专营店' });
  });

  it('layout A picked one level too high still finds the rows', () => {
    const { rows } = readFixture('generic-a.html', '.page');
    expect(rows.filter((r) => r.kind === 'message')).toHaveLength(5);
  });

  it('layout B: ul/li rows, time rows between messages, sides from alignment and avatar position', () => {
    const { rows } = readFixture('generic-b.html', '#list');
    expect(summary(rows)).toEqual([
      'divider:system:11月3日 09:12:11月3日 09:12',
      'message:seller::在的，请问有什么可以帮您',
      'message:buyer::这个是正品吗',
      'divider:system:星期一 10:00:星期一 10:00',
      'message:buyer::',
      'message:seller::收到图片，我们核实一下',
      'system:system::你撤回了一条消息',
      'system:system::以上为历史消息',
      'divider:system:14:03:14:03',
      'message:seller::核实过了，是正品',
      'message:buyer::好的',
    ]);
    expect(rows[4]?.images).toEqual(['https://cdn.example.com/b/photo-1.jpg']);
    expect(rows[6]).toMatchObject({ recalled: true, recalledBy: 'buyer' });
  });

  it('layout C: hashed classes, own rows reversed by a style-sheet rule, <time> elements', () => {
    const { rows } = readFixture('generic-c.html', '#scroller');
    expect(summary(rows)).toEqual([
      'message:seller:前天 08:00:亲，在吗',
      'message:buyer:前天 08:01:在，想问下保修',
      'message:seller:11-03 09:12:全国联保一年',
      'system:system::对方撤回了一条消息',
      'message:buyer:2025/11/03 09:12:30:',
      'message:seller:周一 10:00:序列号查询不到 & 请提供购买凭证',
      'system:system::以下为新消息',
      'message:buyer:周一 10:05:这是我买的链接',
    ]);
    expect(rows[4]?.images).toEqual(['https://chat.example.com/uploads/serial.png']);
    expect(rows[7]?.links).toEqual([{ href: 'https://item.jd.com/100012345678.html', text: '这是我买的链接' }]);
  });

  it('layout C with a real layout: sides come from where the bubbles are, whatever the classes say', () => {
    const doc = loadDocument(ownFixture('chat/generic-c.html'), 'https://chat.example.com/im/');
    const container = doc.querySelector('#scroller')!;
    // Swap the style-sheet hint away, then lay rows out by hand: odd rows on the right.
    doc.querySelectorAll('style').forEach((s) => s.remove());
    const rows = findMessageRows(container);
    const place = new Map<Element, Box>();
    const list: Box = { left: 0, right: 400, width: 400, height: 480 };
    rows.forEach((row, i) => {
      const right = i % 2 === 1;
      const centred = row.className === '_n3';
      for (const el of row.querySelectorAll('*')) {
        place.set(
          el,
          centred
            ? { left: 150, right: 250, width: 100, height: 20 }
            : right
              ? { left: 220, right: 390, width: 170, height: 30 }
              : { left: 10, right: 180, width: 170, height: 30 },
        );
      }
    });
    const measure: Measure = (el) => (el === container ? list : place.get(el));
    const roles = genericReader.readMessages(container, { measure }).map((r) => r.role);
    expect(roles).toEqual(['seller', 'buyer', 'seller', 'system', 'seller', 'buyer', 'system', 'buyer']);
  });

  it('joins rows grouped in per-day blocks and skips our own UI', () => {
    const doc = new JSDOM(`<div id="c">
      <div class="day"><div class="d">2025-11-03</div><div class="msg left">一</div><div class="msg right">二</div></div>
      <div class="day"><div class="d">昨天</div><div class="msg left">三</div><div class="msg right">四</div></div>
      <div id="ours">面板</div></div>`).window.document;
    markOwnNode(doc.querySelector('#ours')!);
    const rows = genericReader.readMessages(doc.querySelector('#c')!);
    expect(summary(rows)).toEqual([
      'divider:system:2025-11-03:2025-11-03',
      'message:seller::一',
      'message:buyer::二',
      'divider:system:昨天:昨天',
      'message:seller::三',
      'message:buyer::四',
    ]);
  });

  it('never claims a URL and finds no rows in an empty container', () => {
    const doc = new JSDOM('<div id="c"></div>').window.document;
    expect(genericReader.matches('https://market.m.taobao.com/app/im/chat/index.html', doc)).toBe(false);
    expect(genericReader.readMessages(doc.querySelector('#c')!)).toEqual([]);
  });
});
