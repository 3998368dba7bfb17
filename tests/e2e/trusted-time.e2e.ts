import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { unzipTo } from '@/tests/harness/unzip';
import { bytesOf, rezip, text } from '@/tests/helpers/rezip';
import { canonicalJson, type JsonValue } from '@/utils/export/canonical-json';
import { sha256Bytes } from '@/utils/export/digest';
import { formatSha256Sums } from '@/utils/export/sha256sums';
import { bytesToBase64 } from '@/utils/encoding/base64';
import { startFixtureServer, type FixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, openDashboard, panel, type ExtensionBrowser } from '@/tests/harness/browser';
import { captureListingPage } from '@/tests/harness/capture-page';
import { ALL_ROUTES, PAGES } from '@/tests/harness/pages';
import { startTsa, type TestTsa } from '@/tests/harness/tsa-server';

// Trusted time in the real browser: the dashboard's first-run setup, seals stored with each
// capture, tokens from a real openssl TSA on 127.0.0.1, and a capture made while the TSA is down
// that is stamped (with the later time) once it is back.

let server: FixtureServer;
let tsa: TestTsa;
let b: ExtensionBrowser;
let dash: Page;
const work = mkdtempSync(join(tmpdir(), 'listingproof-trust-'));
const captured: string[] = [];

beforeAll(async () => {
  [server, tsa] = await Promise.all([startFixtureServer(ALL_ROUTES), startTsa()]);
  b = await launchWithExtension(server.port);
});
afterAll(async () => {
  await b?.close();
  await Promise.all([server?.close(), tsa?.stop()]);
  rmSync(work, { recursive: true, force: true });
});

function verifyCli(zipPath: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'utils/cli/verify-cli.ts', zipPath, ...args], { encoding: 'utf8' });
}

/**
 * The attack the signature stops: listing.json rewritten, its hash recomputed in seal.json, the
 * manifest and SHA256SUMS, and the manifest signed again with a key of the attacker's own.
 */
async function forge(zip: Uint8Array, captureId: string): Promise<Uint8Array> {
  return rezip(zip, async (files) => {
    const folder = `captures/${captureId}/`;
    const listing = JSON.parse(text(files.get(`${folder}listing.json`)));
    listing.verdict = { ...listing.verdict, seller: 'authorized' };
    const listingBytes = bytesOf(JSON.stringify(listing, null, 2));
    files.set(`${folder}listing.json`, listingBytes);
    const seal = JSON.parse(text(files.get(`${folder}seal.json`)));
    for (const f of seal.files) if (f.path === 'listing.json') Object.assign(f, { sha256: await sha256Bytes(listingBytes), bytes: listingBytes.byteLength });
    files.set(`${folder}seal.json`, bytesOf(canonicalJson(seal as JsonValue)));
    const manifest = JSON.parse(text(files.get('manifest.json')));
    for (const f of manifest.files) {
      const data = files.get(f.path)!;
      Object.assign(f, { sha256: await sha256Bytes(data), bytes: data.byteLength });
    }
    const manifestBytes = bytesOf(`${JSON.stringify(manifest, null, 2)}\n`);
    files.set('manifest.json', manifestBytes);
    files.set('SHA256SUMS', bytesOf(formatSha256Sums([...manifest.files, { path: 'manifest.json', sha256: await sha256Bytes(manifestBytes) }])));
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
    const sig = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, manifestBytes));
    const signature = JSON.parse(text(files.get('signature.json')));
    Object.assign(signature, { publicKey: bytesToBase64(spki), keyId: await sha256Bytes(spki), signature: bytesToBase64(sig) });
    files.set('signature.json', bytesOf(JSON.stringify(signature, null, 2)));
    files.delete('signature.tsr');
  });
}

const capture = (url: string) => captureListingPage(b, url);

const row = (id: string) => dash.locator(`[data-testid="evidence-row"][data-evidence-id="${id}"]`);

/** The capture's timestamp row as the extension stored it. */
async function timestampRow(id: string): Promise<{ status: string; genTime?: string; tsa?: string; serial?: string }> {
  return dash.evaluate(async (captureId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('listingproof');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const value = await new Promise<unknown>((resolve, reject) => {
      const req = db.transaction('timestamps').objectStore('timestamps').get(captureId);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return value as { status: string; genTime?: string };
  }, id);
}

describe('trusted time (real TSA on 127.0.0.1)', () => {
  it('opens the setup on install, creates the key and saves investigator and TSA settings', async () => {
    expect(b.setupPage?.url()).toBe(`chrome-extension://${b.extensionId}/dashboard.html#setup`);
    const setup = b.setupPage!;
    await expect.poll(() => setup.locator('[data-testid="key-fingerprint"]').getAttribute('data-value')).toMatch(/^[0-9a-f]{64}$/);
    // Before the investigator is set, the panel says captures would not say who made them.
    const listing = await b.context.newPage();
    await listing.goto(PAGES.tmallItem.url);
    await expect.poll(() => panel(listing, 'investigator-missing').count(), { timeout: 15_000 }).toBe(1);
    await setup.bringToFront();
    await setup.locator('[data-testid="investigator-name"]').fill('王调查');
    await setup.locator('[data-testid="investigator-org"]').fill('某某知识产权代理有限公司');
    // A bad line is named and nothing is saved.
    await setup.locator('[data-testid="tsa-urls"]').fill(`${tsa.url}\ntimestamp.example`);
    await setup.locator('[data-testid="settings-save"]').click();
    await expect.poll(() => setup.locator('[data-testid="settings-status"]').getAttribute('data-state')).toBe('invalid');
    expect(await setup.locator('[data-testid="settings-status"] [data-line]').getAttribute('data-line')).toBe('2');
    expect(await setup.locator('[data-testid="settings-status"]').textContent()).toContain('timestamp.example');
    expect(await panel(listing, 'investigator-missing').count()).toBe(1);
    await setup.locator('[data-testid="tsa-urls"]').fill(`${tsa.url}\n`);
    await setup.locator('[data-testid="settings-save"]').click();
    await expect.poll(() => setup.locator('[data-testid="settings-status"]').getAttribute('data-state')).toBe('saved');
    const fingerprint = await setup.locator('[data-testid="key-fingerprint"]').getAttribute('data-value');
    await setup.close();
    await expect.poll(() => panel(listing, 'investigator-missing').count()).toBe(0);
    await listing.close();

    dash = await openDashboard(b);
    expect(await dash.locator('[data-testid="key-fingerprint"]').getAttribute('data-value')).toBe(fingerprint);
    expect(await dash.locator('[data-testid="investigator-org"]').inputValue()).toBe('某某知识产权代理有限公司');
    expect(await dash.locator('[data-testid="tsa-urls"]').inputValue()).toBe(tsa.url);
  });

  it('stamps a capture right after it is stored', async () => {
    const before = tsa.requests;
    const id = await capture(PAGES.tmallItem.url);
    captured.push(id);
    await expect.poll(() => row(id).getAttribute('data-timestamp'), { timeout: 20_000 }).toBe('stamped');
    const ts = await timestampRow(id);
    expect(ts).toMatchObject({ status: 'stamped', tsa: tsa.url });
    expect(ts.serial).toMatch(/^[0-9a-f]+$/);
    expect(tsa.requests).toBeGreaterThan(before);
  });

  it('stores a capture pending while the TSA is down and stamps it with the later time once it is back', async () => {
    tsa.setMode('down');
    const id = await capture(PAGES.taobaoHostile.url);
    captured.push(id);
    await expect.poll(() => row(id).getAttribute('data-timestamp'), { timeout: 20_000 }).toBe('pending');
    await expect.poll(async () => (await timestampRow(id)).status === 'pending' && tsa.requests > 0).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    const backAt = Date.now();
    tsa.setMode('ok');
    await dash.locator('[data-testid="timestamp-retry"]').click();
    await expect.poll(() => row(id).getAttribute('data-timestamp'), { timeout: 20_000 }).toBe('stamped');
    const ts = await timestampRow(id);
    // openssl's genTime has whole seconds: the token is from after the TSA came back, never earlier.
    expect(Date.parse(ts.genTime!)).toBeGreaterThanOrEqual(Math.floor(backAt / 1000) * 1000);
  });

  it('exports a signed package that verifies with --require-timestamps, sha256sum and openssl; a forged one fails', async () => {
    const [download] = await Promise.all([dash.waitForEvent('download'), dash.locator('[data-testid="export-button"]').click()]);
    const zipPath = join(work, download.suggestedFilename());
    await download.saveAs(zipPath);
    expect(await dash.locator('[data-testid="export-signature-note"]').count()).toBe(0);

    const ok = verifyCli(zipPath, '--trust', tsa.caPemFile, '--require-timestamps');
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    const fingerprint = await dash.locator('[data-testid="key-fingerprint"]').getAttribute('data-value');
    expect(ok.stdout).toContain(fingerprint!);

    const dir = join(work, 'unpacked');
    const names = await unzipTo(readFileSync(zipPath), dir);
    expect(names).toEqual(expect.arrayContaining(['signature.json', 'signature.tsr']));
    expect(execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' })).not.toMatch(/FAILED/);
    for (const id of captured) {
      const out = execFileSync('openssl', ['ts', '-verify', '-data', 'seal.json', '-in', 'seal.tsr', '-CAfile', tsa.caPemFile], {
        cwd: join(dir, 'captures', id),
        encoding: 'utf8',
      });
      expect(out).toContain('Verification: OK');
      const seal = JSON.parse(readFileSync(join(dir, 'captures', id, 'seal.json'), 'utf8'));
      expect(seal.investigator).toEqual({ name: '王调查', org: '某某知识产权代理有限公司', keyId: fingerprint });
    }
    // Untrusted root: the tokens are checkable but reach no trusted root: a warning, exit 1 only when required.
    expect(verifyCli(zipPath, '--trust', tsa.untrustedCaPemFile, '--require-timestamps').status).toBe(1);

    const forgedPath = join(work, 'forged.zip');
    writeFileSync(forgedPath, await forge(readFileSync(zipPath), captured[0]!));
    const forged = verifyCli(forgedPath, '--trust', tsa.caPemFile);
    expect(forged.status, forged.stdout).toBe(1);
    // The rewritten seal no longer matches its token; the new key is not the one that sealed.
    expect(forged.stdout).toContain(`captures/${captured[0]}/seal.tsr`);
    expect(forged.stdout).toContain(`captures were sealed by key ${fingerprint}`);
  });

  it('retries pending stamps on a one-minute alarm, and a new key keeps the old one, retired', async () => {
    type Alarms = { alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> } };
    const alarm = await b.worker.evaluate(async () => (globalThis as unknown as { chrome: Alarms }).chrome.alarms.get('timestamp-retry'));
    expect(alarm?.periodInMinutes).toBe(1);

    const before = await dash.locator('[data-testid="key-fingerprint"]').getAttribute('data-value');
    dash.once('dialog', (d) => void d.accept());
    await dash.locator('[data-testid="key-rotate"]').click();
    await expect.poll(() => dash.locator('[data-testid="key-fingerprint"]').getAttribute('data-value')).not.toBe(before);
    const after = await dash.locator('[data-testid="key-fingerprint"]').getAttribute('data-value');
    expect(after).toMatch(/^[0-9a-f]{64}$/);
    expect(await dash.locator('[data-testid="trust-settings"]').textContent()).toContain(before!);
    // The next capture is sealed with the new key.
    const id = await capture(PAGES.pddItem.url);
    await expect.poll(() => row(id).getAttribute('data-timestamp'), { timeout: 20_000 }).toBe('stamped');
    const seal = await dash.evaluate(async (captureId) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('listingproof');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const blob = await new Promise<Blob>((resolve, reject) => {
        const req = db.transaction('artifactBlobs').objectStore('artifactBlobs').get(`${captureId}/seal.json`);
        req.onsuccess = () => resolve((req.result as { data: Blob }).data);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return JSON.parse(await blob.text()) as { investigator: { keyId: string } };
    }, id);
    expect(seal.investigator.keyId).toBe(after);
  });

  it('sends HTTP basic credentials to a TSA the user added, and keeps them out of extension storage', async () => {
    const paid = await startTsa({ credentials: { username: 'firm-account', password: 's3cret-pass' } });
    try {
      await dash.locator('[data-testid="tsa-urls"]').fill(paid.url);
      await dash.locator('[data-testid="tsa-username"]').fill('firm-account');
      await dash.locator('[data-testid="tsa-password"]').fill('s3cret-pass');
      await dash.locator('[data-testid="settings-save"]').click();
      await expect.poll(() => dash.locator('[data-testid="settings-status"]').getAttribute('data-state')).toBe('saved');
      const id = await capture(PAGES.taobaoHostile.url);
      await expect.poll(() => row(id).getAttribute('data-timestamp'), { timeout: 20_000 }).toBe('stamped');
      expect((await timestampRow(id)).tsa).toBe(paid.url);
      type Storage = { storage: { local: { get(): Promise<Record<string, unknown>> } } };
      const stored = await b.worker.evaluate(async () => (globalThis as unknown as { chrome: Storage }).chrome.storage.local.get());
      expect(JSON.stringify(stored)).not.toContain('s3cret-pass');
    } finally {
      await paid.stop();
    }
  });
});
