// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { nearestScrollable, pickElement } from '@/utils/chat/element-picker';

function page(): { list: HTMLElement; bubble: HTMLElement; link: HTMLAnchorElement } {
  document.body.replaceChildren();
  const list = document.createElement('div');
  list.id = 'list';
  const bubble = document.createElement('div');
  const link = document.createElement('a');
  link.href = 'https://example.com/';
  link.textContent = 'link';
  bubble.append('hello ', link);
  list.append(bubble);
  document.body.append(list);
  return { list, bubble, link };
}

const scrollableIs = (target: Element) => (el: Element) => el === target;

afterEach(() => document.body.replaceChildren());

describe('pickElement', () => {
  it('outlines what is under the mouse, picks the scrollable list on click, removes its UI', async () => {
    const { list, bubble, link } = page();
    let pageSawClick = false;
    link.addEventListener('click', () => (pageSawClick = true));
    const picked = pickElement({ isScrollable: scrollableIs(list), hint: 'Click the message list' });
    const overlay = document.querySelector('[data-testid="picker-overlay"]') as HTMLElement;
    expect(overlay).not.toBeNull();
    expect(document.querySelector('[data-testid="picker-hint"]')?.textContent).toBe('Click the message list');
    bubble.dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
    expect(overlay.style.display).toBe('block');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(await picked).toBe(list);
    expect(click.defaultPrevented).toBe(true);
    expect(pageSawClick).toBe(false);
    expect(document.querySelectorAll('[data-testid^="picker-"]')).toHaveLength(0);
  });

  it('picks the clicked element itself when nothing scrolls or when told to', async () => {
    const { bubble } = page();
    const p1 = pickElement({ isScrollable: () => false });
    bubble.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(await p1).toBe(bubble);
    const { list, bubble: b2 } = page();
    const p2 = pickElement({ isScrollable: scrollableIs(list), preferScrollable: false });
    b2.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(await p2).toBe(b2);
  });

  it('Esc cancels, and so does the signal', async () => {
    page();
    const p1 = pickElement();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(await p1).toBeNull();
    const controller = new AbortController();
    const p2 = pickElement({ signal: controller.signal });
    controller.abort();
    expect(await p2).toBeNull();
    expect(document.querySelectorAll('[data-testid^="picker-"]')).toHaveLength(0);
    controller.abort();
    expect(await pickElement({ signal: controller.signal })).toBeNull();
  });

  it('ignores events on its own UI', async () => {
    const { bubble } = page();
    const picked = pickElement({ isScrollable: () => false, hint: 'hint' });
    document.querySelector('[data-testid="picker-hint"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    bubble.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(await picked).toBe(bubble);
  });
});

describe('nearestScrollable', () => {
  it('uses overflow and scroll size by default, never <body>', () => {
    const { list, bubble } = page();
    list.style.overflowY = 'auto';
    Object.defineProperty(list, 'scrollHeight', { value: 900 });
    Object.defineProperty(list, 'clientHeight', { value: 300 });
    expect(nearestScrollable(bubble)).toBe(list);
    list.style.overflowY = 'visible';
    expect(nearestScrollable(bubble)).toBe(bubble);
  });
});
