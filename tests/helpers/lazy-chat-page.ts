import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { ownFixture } from '@/tests/helpers/load-page';

// jsdom has no layout: this gives every element scroll metrics from its number of children
// (ROW_PX each, a CLIENT_PX viewport), and scrollTop a setter that clamps and fires `scroll`
// asynchronously like a browser, so lazy-300.html's own script runs unchanged.

export const ROW_PX = 40;
export const CLIENT_PX = 400;

export const LAZY_CHAT_URL = 'https://market.m.taobao.com/app/im/chat/index.html?toId=2219315280500';

/** lazy-300.html; `virtualise` makes its list keep only the oldest 90 rows, like a virtual list. */
export function loadLazyChat(url = LAZY_CHAT_URL, options: { virtualise?: boolean } = {}): JSDOM {
  let html = readFileSync(ownFixture('chat/lazy-300.html'), 'utf8');
  if (options.virtualise) html = html.replace('oldest = from;', 'oldest = from; while (list.children.length > 90) list.removeChild(list.lastElementChild);');
  return new JSDOM(html, {
    url,
    runScripts: 'dangerously',
    beforeParse(window) {
      const tops = new WeakMap<Element, number>();
      const proto = window.HTMLElement.prototype;
      const height = (el: Element): number => el.children.length * ROW_PX;
      Object.defineProperty(proto, 'scrollHeight', {
        configurable: true,
        get(this: Element) {
          return height(this);
        },
      });
      Object.defineProperty(proto, 'clientHeight', {
        configurable: true,
        get(this: Element) {
          return Math.min(CLIENT_PX, height(this));
        },
      });
      Object.defineProperty(proto, 'scrollTop', {
        configurable: true,
        get(this: Element) {
          return tops.get(this) ?? 0;
        },
        set(this: Element, value: number) {
          const max = Math.max(0, height(this) - Math.min(CLIENT_PX, height(this)));
          const next = Math.max(0, Math.min(max, Math.round(value)));
          if (next === (tops.get(this) ?? 0)) return;
          tops.set(this, next);
          window.setTimeout(() => this.dispatchEvent(new window.Event('scroll')), 0);
        },
      });
    },
  });
}
