import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, type ExtensionBrowser } from '@/tests/harness/browser';
import { importThroughDashboard } from '@/tests/harness/import-list';
import { DEMO_AUTHORIZED_LIST } from '@/tests/harness/pages';
import { xlsxBomb } from '@/tests/helpers/zip-bomb';

// Hostile list files through the dashboard's real input: parsed in the import worker, refused
// within seconds with a problem naming what is wrong, and the list in force stays.

let server: FixtureServer;
let b: ExtensionBrowser;
let work: string;

beforeAll(async () => {
  server = await startFixtureServer([]);
  b = await launchWithExtension(server.port);
  work = mkdtempSync(join(tmpdir(), 'listingproof-import-'));
});
afterAll(async () => {
  await b?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('platform,shopId,shopName\n');
  const chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    chunk.push(`pdd,${i},`);
    if (chunk.length === 100_000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk.length = 0;
    }
  }
  out.end(chunk.length ? `${chunk.join('\n')}\n` : '');
  await new Promise<void>((r) => out.once('finish', () => r()));
}

const counts = async (dash: Page) => ({
  sellers: await dash.locator('[data-testid="authorized-status"]').getAttribute('data-sellers'),
  products: await dash.locator('[data-testid="authorized-status"]').getAttribute('data-products'),
});

/** Imports `path` and returns how long the rejection took and the longest the page's main thread was busy meanwhile. */
async function rejectTimed(dash: Page, path: string, code: string): Promise<{ ms: number; longestStallMs: number }> {
  await dash.evaluate(() => {
    const w = window as unknown as { __stall: number; __stop: () => void };
    w.__stall = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      w.__stall = Math.max(w.__stall, now - last);
      last = now;
    }, 10);
    w.__stop = () => clearInterval(timer);
  });
  const started = Date.now();
  await dash.locator('[data-testid="authorized-import"]').setInputFiles(path);
  await dash.locator(`[data-testid="import-errors"] > [data-code="${code}"]`).waitFor({ timeout: 30_000 });
  expect(await dash.locator('[data-testid="authorized-status"]').getAttribute('data-state')).toBe('rejected');
  const ms = Date.now() - started;
  const longestStallMs = await dash.evaluate(() => {
    const w = window as unknown as { __stall: number; __stop: () => void };
    w.__stop();
    return w.__stall;
  });
  return { ms, longestStallMs };
}

describe('import caps', () => {
  it('refuses an XLSX bomb and a 10-million-row CSV within seconds, keeping the list in force', { timeout: 240_000 }, async () => {
    const dash = await importThroughDashboard(b, [DEMO_AUTHORIZED_LIST]);
    const before = await counts(dash);
    expect(Number(before.sellers)).toBeGreaterThan(0);

    const bombPath = join(work, 'list.xlsx');
    const bomb = xlsxBomb(100 * 1024 * 1024);
    writeFileSync(bombPath, bomb);
    const xlsx = await rejectTimed(dash, bombPath, 'xlsx-part-too-large');
    const xlsxProblem = dash.locator('[data-testid="import-errors"] > *').first();
    expect(await xlsxProblem.getAttribute('data-code')).toBe('xlsx-part-too-large');
    expect(await xlsxProblem.getAttribute('data-row')).toBe('0');
    expect(await xlsxProblem.textContent()).toContain('xl/worksheets/sheet1.xml');
    expect(await counts(dash)).toEqual(before);

    const csvPath = join(work, 'sellers.csv');
    await writeCsv(csvPath, 10_000_000);
    const csv = await rejectTimed(dash, csvPath, 'too-many-rows');
    const csvProblem = dash.locator('[data-testid="import-errors"] > *').first();
    expect(await csvProblem.getAttribute('data-code')).toBe('too-many-rows');
    expect(await csvProblem.textContent()).toContain('sellers.csv');
    expect(await counts(dash)).toEqual(before);
    await dash.reload();
    // The status shows 0 until the stored counts are read: wait for them, then compare.
    await expect.poll(() => counts(dash).then((c) => c.sellers !== '0')).toBe(true);
    expect(await counts(dash)).toEqual(before);

    console.log(
      `import caps: XLSX bomb (${bomb.length} bytes -> 100 MiB sheet) refused in ${xlsx.ms} ms, longest main-thread stall ${xlsx.longestStallMs.toFixed(0)} ms; 10M-row CSV refused in ${csv.ms} ms, stall ${csv.longestStallMs.toFixed(0)} ms`,
    );
    expect(xlsx.ms).toBeLessThan(10_000);
    expect(csv.ms).toBeLessThan(15_000);
    // Parsing runs in the worker: the page's own timers keep running.
    expect(Math.max(xlsx.longestStallMs, csv.longestStallMs)).toBeLessThan(1000);
  });
});
