// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createPageCaptureSession } from '@/utils/evidence/page-session';
import { markOwnNode } from '@/utils/content/own-nodes';

describe('createPageCaptureSession', () => {
  it('hides our UI and fixed elements for the capture and undoes both and the scroll on showUi', async () => {
    document.body.replaceChildren();
    const panel = document.createElement('div');
    markOwnNode(panel);
    const header = document.createElement('header');
    header.style.position = 'fixed';
    const img = document.createElement('img');
    img.src = 'https://img.alicdn.com/x.jpg';
    document.body.append(panel, header, img);
    const scrolls: number[] = [];
    window.scrollTo = ((o: ScrollToOptions) => void scrolls.push(o.top ?? -1)) as typeof window.scrollTo;

    const session = createPageCaptureSession(window, { sleep: async () => {} });
    await session.hideUi();
    await session.hideFixedAndSticky!();
    expect(panel.style.visibility).toBe('hidden');
    expect(header.style.visibility).toBe('hidden');
    const html = await session.serializeDom();
    expect(html).toContain('<!-- saved by ListingProof from http://localhost');
    expect((await session.metrics()).crossOriginImages).toEqual(['https://img.alicdn.com/x.jpg']);
    await session.showUi();
    expect(panel.style.visibility).toBe('');
    expect(header.style.visibility).toBe('');
    expect(scrolls.at(-1)).toBe(0);
  });
});
