import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, openDashboard, type ExtensionBrowser } from '@/tests/harness/browser';
import { makePackage } from '@/tests/helpers/make-package';
import { unzipAll } from '@/tests/helpers/rezip';
import { craftZip, type CraftEntry } from '@/tests/helpers/craft-zip';

// The dashboard's verify view in Chromium: the chosen File is read slice by slice, inflated with
// the browser's DecompressionStream and hashed with the pure-JS SHA-256. A genuine package is
// intact; a forged second report.html and a bomb are refused with the entry named.

let server: FixtureServer;
let b: ExtensionBrowser;
let dash: Page;

beforeAll(async () => {
  server = await startFixtureServer([]);
  b = await launchWithExtension(server.port);
  dash = await openDashboard(b);
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

async function check(bytes: Uint8Array, name: string): Promise<{ status: string | null; problems: string; seconds: number }> {
  const section = dash.locator('[data-testid="verify-section"]');
  const started = performance.now();
  await dash.locator('[data-testid="verify-input"]').setInputFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(bytes) });
  const result = section.locator('[data-testid="verify-result"]');
  const alert = section.locator('[role="alert"]');
  await expect
    .poll(async () => (await section.locator('[role="status"]').count()) === 0 && (await result.count()) + (await alert.count()) === 1, { timeout: 30_000 })
    .toBe(true);
  const seconds = (performance.now() - started) / 1000;
  if (await alert.count()) return { status: 'error', problems: (await alert.textContent()) ?? '', seconds };
  const problems = section.locator('[data-testid="verify-problems"]');
  return { status: await result.getAttribute('data-status'), problems: (await problems.count()) ? ((await problems.textContent()) ?? '') : '', seconds };
}

describe('dashboard verify view', () => {
  it('finds a genuine package intact and refuses crafted ones, naming the entry', async () => {
    const { bytes } = await makePackage([{ pngBytes: 3_000_000 }, { kind: 'chat' }]);
    expect(await check(bytes, 'genuine.zip')).toMatchObject({ status: 'intact', problems: '' });

    const entries: CraftEntry[] = [...(await unzipAll(bytes))].map(([name, data]) => ({
      name,
      data,
      method: name.endsWith('.png') ? 0 : 8,
      dataDescriptor: true,
    }));
    expect((await check(craftZip(entries), 'rebuilt.zip')).status).toBe('intact');

    const doubled = await check(craftZip([...entries, { name: 'report.html', data: new TextEncoder().encode('<h1>forged</h1>') }]), 'doubled.zip');
    expect(doubled.status).toBe('tampered');
    expect(doubled.problems).toMatch(/report\.html.*appears 2 times in the zip/s);

    const zeros = new Uint8Array(256 * 1024 * 1024);
    const bomb = entries.map((e) => (e.name === 'report.html' ? { ...e, data: zeros, compressed: deflateRawSync(zeros, { level: 9 }) } : e));
    const bombed = await check(craftZip(bomb), 'bomb.zip');
    expect(bombed.status).toBe('tampered');
    expect(bombed.problems).toMatch(/inflates beyond the \d+ bytes manifest\.json declares/);
    console.log(`256 MiB bomb refused by the dashboard in ${bombed.seconds.toFixed(2)} s (choosing the file included)`);
  });
});
