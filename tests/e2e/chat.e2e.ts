import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, openDashboard, panel, type ExtensionBrowser } from '@/tests/harness/browser';
import { ALL_ROUTES, CHAT_PAGES } from '@/tests/harness/pages';
import { readStoredCaptures, type StoredCapture } from '@/tests/harness/read-store';
import { verifyPackage } from '@/utils/export/verify-package';
import { chatJsonSchema, type ChatJson } from '@/utils/model/chat';

// Chat evidence in the real browser: a 旺旺 chat whose history loads lazily is read to its first
// message, shot screen by screen and stored; the package verifies. And a list picked by hand.

let server: FixtureServer;
let b: ExtensionBrowser;
beforeAll(async () => {
  server = await startFixtureServer([...ALL_ROUTES, ...Object.values(CHAT_PAGES)]);
  b = await launchWithExtension(server.port, { grantScreenshotAccess: true });
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

async function captureChat(page: Page): Promise<string> {
  await panel(page, 'chat-capture-button').click();
  await expect.poll(() => panel(page, 'chat-capture-button').getAttribute('data-capture-state'), { timeout: 150_000, interval: 500 }).toMatch(/done|failed/);
  expect(await panel(page, 'chat-capture-button').textContent()).not.toMatch(/失败|failed/i);
  return (await panel(page, 'chat-capture-button').getAttribute('data-evidence-id')) ?? '';
}

async function stored(id: string): Promise<StoredCapture> {
  const dash = await openDashboard(b);
  const found = (await readStoredCaptures(dash)).find((c) => c.record.id === id);
  await dash.close();
  expect(found, `capture ${id} stored`).toBeDefined();
  return found!;
}

function chatJsonOf(capture: StoredCapture): ChatJson {
  return chatJsonSchema.parse(JSON.parse(capture.texts['chat.json'] ?? 'null'));
}

describe('chat capture', () => {
  it(
    'captures a lazily loading 300-message chat completely, in order, with a screenshot of every screen; the package verifies',
    { timeout: 240_000 },
    async () => {
      const p = CHAT_PAGES.lazy300;
      const page = await b.context.newPage();
      await page.goto(p.url);
      await expect.poll(() => panel(page, 'evidence-panel').getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
      await expect(panel(page, 'chat-capture-button').getAttribute('data-capture-state')).resolves.toBe('idle');
      expect(await page.locator('#J_MessageList').getAttribute('data-loaded-from')).not.toBe('1');

      const id = await captureChat(page);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await panel(page, 'chat-message-count').getAttribute('data-value')).toBe(String(p.messages));
      expect(await page.locator('#J_MessageList').getAttribute('data-loaded-from')).toBe('1');
      const list = await page.locator('#J_MessageList').evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));

      const capture = await stored(id);
      const { record } = capture;
      expect(record.kind).toBe('chat');
      expect(record.platform).toBe('taobao');
      expect(record.shop).toMatchObject({ name: '回力棉娅专卖店', id: '106453811' });
      for (const a of record.artifacts) expect(capture.recomputed[a.path], a.path).toBe(a.sha256);
      expect(Object.keys(capture.recomputed).sort()).toEqual(record.artifacts.map((a) => a.path).sort());

      // Every numbered message once, oldest first, with its side and its time.
      const chat = chatJsonOf(capture);
      expect(chat.messages).toHaveLength(p.messages);
      expect(chat.complete).toBe(true);
      const numbered = chat.messages.flatMap((m) => {
        const n = /^消息 (\d{3})/.exec(m.text)?.[1];
        return n ? [{ n: Number(n), m }] : [];
      });
      expect(numbered.map((x) => x.n)).toEqual(Array.from({ length: p.numbered }, (_, i) => i + 1));
      for (const { n, m } of numbered) {
        expect(m.role, `message ${n}`).toBe(n % 2 ? 'seller' : 'buyer');
        expect(m.timeText, `message ${n}`).not.toBe('');
        expect(m.time, `message ${n}: ${m.timeText}`).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?(\.\d+)?([+-]\d\d:\d\d|Z)$/);
      }
      const paths = new Set(record.artifacts.map((a) => a.path));
      const withImages = chat.messages.filter((m) => m.images.length > 0);
      expect(withImages).toHaveLength(12);
      for (const m of withImages) for (const img of m.images) expect(paths.has(img), img).toBe(true);

      // One browser screenshot per screen of the list, from its top to its bottom.
      const screens = record.artifacts.filter((a) => /^screen-\d+\.png$/.test(a.path)).sort((x, y) => x.path.localeCompare(y.path));
      expect(screens.length).toBe(Math.ceil(list.scrollHeight / list.clientHeight));
      expect(screens.every((s) => s.method === 'captureVisibleTab' && s.mediaType === 'image/png')).toBe(true);
      const tops = screens.map((s) => Number(/at scrollTop (\d+)/.exec(s.note ?? '')?.[1]));
      expect(tops[0]).toBe(0);
      expect(tops.at(-1)).toBe(list.scrollHeight - list.clientHeight);
      for (let i = 1; i < tops.length; i++) expect(tops[i]! - tops[i - 1]!).toBeLessThanOrEqual(list.clientHeight);
      expect(record.warnings.join('\n')).not.toMatch(/screenshot was not allowed/);

      // Exported from the dashboard, the package verifies and carries the transcript.
      const dash = await openDashboard(b);
      await expect.poll(() => dash.locator(`[data-testid="evidence-row"][data-evidence-id="${id}"]`).count()).toBe(1);
      const [download] = await Promise.all([dash.waitForEvent('download'), dash.locator('[data-testid="export-button"]').click()]);
      const bytes = new Uint8Array(readFileSync((await download.path())!));
      const verified = await verifyPackage(bytes);
      expect(verified.problems).toEqual([]);
      expect(verified.status).toBe('intact');
      const zip = await JSZip.loadAsync(bytes);
      for (const name of ['chat.json', 'chat.html', screens[0]!.path]) expect(zip.file(`captures/${id}/${name}`), name).not.toBeNull();
      const zipped = chatJsonSchema.parse(JSON.parse(await zip.file(`captures/${id}/chat.json`)!.async('string')));
      expect(zipped.messages).toHaveLength(p.messages);
      const report = await zip.file('report.html')!.async('string');
      expect(report).toContain(id);
      await page.close();
    },
  );

  it('captures a chat list picked on a page no reader knows', { timeout: 120_000 }, async () => {
    const p = CHAT_PAGES.genericPicked;
    const page = await b.context.newPage();
    await page.goto(p.url);
    await panel(page, 'chat-pick-button').click();
    await page.locator(p.pickInside).first().click();
    await expect.poll(() => panel(page, 'chat-capture-button').count()).toBe(1);
    const id = await captureChat(page);
    expect(await panel(page, 'chat-message-count').getAttribute('data-value')).toBe(String(p.messages));

    const capture = await stored(id);
    const chat = chatJsonOf(capture);
    expect(chat.messages).toHaveLength(p.messages);
    expect(chat.reader).toBe('generic');
    expect(chat.messages.map((m) => m.role)).toEqual(['seller', 'buyer', 'seller', 'system', 'system', 'seller', 'buyer']);
    expect(capture.record).toMatchObject({ kind: 'chat', platform: 'taobao', shop: { name: '优品数码专营店' } });
    expect(capture.record.artifacts.some((a) => /^screen-\d+\.png$/.test(a.path))).toBe(true);
    for (const a of capture.record.artifacts) expect(capture.recomputed[a.path], a.path).toBe(a.sha256);
    await page.close();
  });
});
