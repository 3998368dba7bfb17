// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { hideFixedAndSticky, hideOwnUi } from '@/utils/evidence/hide-own-ui';
import { markOwnNode } from '@/utils/content/own-nodes';

function el(tag: string, attrs: Record<string, string> = {}, ours = false): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (ours) markOwnNode(e);
  document.body.append(e);
  return e;
}

describe('hideOwnUi', () => {
  beforeEach(() => document.body.replaceChildren());

  it('hides every element of ours and restores its previous inline style', () => {
    const panel = el('div', {}, true);
    const badge = el('span', { style: 'visibility: visible !important; color: red' }, true);
    const page = el('div');
    // A page copying any marker it has seen onto its own element hides nothing.
    const forged = el('div', { 'data-listingproof-ui': 'panel', 'data-testid': 'result-badge' });
    const restore = hideOwnUi(document);
    expect(panel.style.getPropertyValue('visibility')).toBe('hidden');
    expect(badge.style.getPropertyPriority('visibility')).toBe('important');
    expect(page.style.visibility).toBe('');
    expect(forged.style.visibility).toBe('');
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
    const ours = el('div', { style: 'position: fixed' }, true);
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
