// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { planTiles } from '@/utils/evidence/canvas-tiles';
import { swapImages, swapImagesWhileCloning } from '@/utils/evidence/clone-image-swap';
import { markOwnNode } from '@/utils/content/own-nodes';
import { blindToIgnoreAttribute, crossOriginImageUrls, renderFullPage, renderInTiles, type RegionRenderer } from '@/utils/evidence/render-in-page';

// html2canvas cannot paint in jsdom: the splitting and labelling are tested with an injected
// renderer; real rendering is covered by the browser tests.

const recorder = () => {
  const calls: { y: number; height: number; width: number; scale: number }[] = [];
  const render: RegionRenderer = async (r, scale) => {
    calls.push({ y: r.y, height: r.height, width: r.width, scale });
    return { dataUrl: `data:image/png;base64,AA==`, width: Math.ceil(r.width * scale), height: Math.ceil(r.height * scale) };
  };
  return { calls, render };
};

describe('planTiles', () => {
  it('keeps a page within the canvas limits in one tile', () => {
    expect(planTiles(1280, 9250, 1).tiles).toEqual([{ x: 0, y: 0, width: 1280, height: 9250 }]);
  });
  it('cuts by height at 32,767 px and by area, covering every row once', () => {
    const { tiles } = planTiles(1280, 70000, 1);
    expect(tiles.map((t) => t.height)).toEqual([32767, 32767, 4466]);
    const wide = planTiles(10000, 60000, 1).tiles;
    for (const t of wide) expect(t.width * t.height).toBeLessThanOrEqual(268_435_456);
    expect(wide.reduce((s, t) => s + t.height, 0)).toBe(60000);
  });
  it('accounts for the scale', () => {
    const { tiles } = planTiles(1280, 20000, 2);
    for (const t of tiles) expect(t.height * 2).toBeLessThanOrEqual(32767);
    expect(tiles.reduce((s, t) => s + t.height, 0)).toBe(20000);
  });
});

describe('renderInTiles', () => {
  it('labels each part i/n and never drops rows', async () => {
    const { calls, render } = recorder();
    const parts = await renderInTiles(render, { width: 1280, height: 70000 }, 1);
    expect(parts).toHaveLength(3);
    expect(parts.map((p) => p.note!.match(/part (\d)\/(\d)/)?.slice(1))).toEqual([
      ['1', '3'],
      ['2', '3'],
      ['3', '3'],
    ]);
    expect(parts[0]!.note).toContain('html2canvas-pro');
    expect(calls.map((c) => c.y)).toEqual([0, 32767, 65534]);
  });
  it('gives a single image a method note and no part label', async () => {
    const { render } = recorder();
    const [only, ...rest] = await renderInTiles(render, { width: 1280, height: 5000 }, 1);
    expect(rest).toEqual([]);
    expect(only!.note).toContain('html2canvas-pro');
    expect(only!.note).not.toContain('part');
  });
});

describe('renderFullPage', () => {
  it('renders the document at scale 1 through the given renderer', async () => {
    const { calls, render } = recorder();
    const parts = await renderFullPage(document, { render });
    expect(parts.length).toBeGreaterThan(0);
    expect(calls[0]!.scale).toBe(1);
  });
});

describe('image swapping for the clone', () => {
  it('points cross-origin images at the fetched data and lists what to fetch', () => {
    document.body.replaceChildren();
    const a = document.createElement('img');
    a.src = 'https://img.alicdn.com/a.jpg';
    a.setAttribute('srcset', 'https://img.alicdn.com/a.jpg 1x, https://img.alicdn.com/a2.jpg 2x');
    const b = document.createElement('img');
    b.src = 'https://img.alicdn.com/b.jpg';
    const own = document.createElement('img');
    own.src = 'https://img.alicdn.com/ours.png';
    markOwnNode(own);
    const forged = document.createElement('img');
    forged.src = 'https://img.alicdn.com/forged.png';
    forged.setAttribute('data-listingproof-ui', '');
    document.body.append(a, b, own, forged);
    expect(crossOriginImageUrls(document)).toEqual(['https://img.alicdn.com/a.jpg', 'https://img.alicdn.com/b.jpg', 'https://img.alicdn.com/forged.png']);
    const n = swapImages(document, { 'https://img.alicdn.com/a.jpg': 'data:image/jpeg;base64,AA==' });
    expect(n).toBe(1);
    expect(a.getAttribute('src')).toBe('data:image/jpeg;base64,AA==');
    expect(a.hasAttribute('srcset')).toBe(false);
    expect(b.src).toBe('https://img.alicdn.com/b.jpg');
  });

  it('points copies made while cloning at the replacement, leaving the page and other images alone', () => {
    document.body.replaceChildren();
    const a = document.createElement('img');
    a.src = 'https://img.alicdn.com/a.jpg';
    a.setAttribute('srcset', 'https://img.alicdn.com/a.jpg 1x');
    a.setAttribute('loading', 'lazy');
    const b = document.createElement('img');
    b.src = 'https://img.alicdn.com/b.jpg';
    document.body.append(a, b);
    const restore = swapImagesWhileCloning(document, { 'https://img.alicdn.com/a.jpg': 'blob:https://item.test/1' });
    const [copyA, copyB] = [a.cloneNode(false) as HTMLImageElement, b.cloneNode(false) as HTMLImageElement];
    const deep = document.body.cloneNode(true) as HTMLElement;
    restore();
    expect(copyA.getAttribute('src')).toBe('blob:https://item.test/1');
    expect(copyA.hasAttribute('srcset') || copyA.hasAttribute('loading')).toBe(false);
    expect(copyB.src).toBe('https://img.alicdn.com/b.jpg');
    // Only the node cloneNode is called on is looked at: html2canvas copies node by node.
    expect(deep.querySelector('img')!.src).toBe('https://img.alicdn.com/a.jpg');
    expect(a.getAttribute('src')).toBe('https://img.alicdn.com/a.jpg');
    expect(a.hasAttribute('srcset')).toBe(true);
    expect((a.cloneNode(false) as HTMLImageElement).src).toBe('https://img.alicdn.com/a.jpg');
    // Already pointed at its copy, an image counts as swapped and is not reloaded in onclone.
    document.body.replaceChildren(copyA);
    expect(swapImages(document, { 'https://img.alicdn.com/a.jpg': 'blob:https://item.test/1' })).toBe(1);
  });
});

describe('blindToIgnoreAttribute', () => {
  it("hides html2canvas's own ignore attribute from the renderer while it runs, and only then", () => {
    const el = document.createElement('div');
    el.setAttribute('data-html2canvas-ignore', 'true');
    el.setAttribute('data-other', '');
    const restore = blindToIgnoreAttribute(document);
    expect(el.hasAttribute('data-html2canvas-ignore')).toBe(false);
    expect(el.hasAttribute('DATA-HTML2CANVAS-IGNORE')).toBe(false);
    expect(el.hasAttribute('data-other')).toBe(true);
    restore();
    expect(el.hasAttribute('data-html2canvas-ignore')).toBe(true);
  });
});
