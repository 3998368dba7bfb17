// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { hideFixedAndSticky, hideOwnUi } from '@/utils/evidence/hide-own-ui';

function el(tag: string, attrs: Record<string, string> = {}): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  document.body.append(e);
  return e;
}

describe('hideOwnUi', () => {
  beforeEach(() => document.body.replaceChildren());

  it('hides every marked host and restores its previous inline style', () => {
    const panel = el('div', { 'data-listingproof-ui': '' });
    const badge = el('span', { 'data-listingproof-ui': 'badge', style: 'visibility: visible !important; color: red' });
    const page = el('div');
    const restore = hideOwnUi(document);
    expect(panel.style.getPropertyValue('visibility')).toBe('hidden');
    expect(badge.style.getPropertyPriority('visibility')).toBe('important');
    expect(page.style.visibility).toBe('');
    restore();
    restore(); // idempotent
    expect(panel.getAttribute('style') ?? '').toBe('');
    expect(badge.style.getPropertyValue('visibility')).toBe('visible');
    expect(badge.style.getPropertyPriority('visibility')).toBe('important');
    expect(badge.style.color).toBe('red');
  });
});

describe('hideFixedAndSticky', () => {
  beforeEach(() => document.body.replaceChildren());

  it('hides fixed and sticky page elements, not ours and not static ones', () => {
    const header = el('header', { style: 'position: fixed; top: 0' });
    const nav = el('nav', { style: 'position: sticky' });
    const text = el('p');
    const ours = el('div', { 'data-listingproof-ui': '', style: 'position: fixed' });
    const restore = hideFixedAndSticky(document);
    expect(header.style.visibility).toBe('hidden');
    expect(nav.style.visibility).toBe('hidden');
    expect(text.style.visibility).toBe('');
    expect(ours.style.visibility).toBe('');
    restore();
    expect(header.style.visibility).toBe('');
    expect(header.style.position).toBe('fixed');
  });
});
