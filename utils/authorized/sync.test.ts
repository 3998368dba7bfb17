import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncFromUrl } from '@/utils/authorized/sync';
import { managedSyncUrl, readSyncState, syncAndStore } from '@/utils/authorized/sync-state';
import { listCounts } from '@/utils/authorized/list-store';
import { ListingProofDatabase } from '@/utils/db/database';

// A real HTTP server on 127.0.0.1: conditional requests, chunked bodies and broken JSON as a
// brand's server may send them.
const VALID = readFileSync(new URL('../../tests/fixtures/authorized/valid.json', import.meta.url));
const ETAG = '"v1"';
const seen: { path: string; ifNoneMatch?: string; ifModifiedSince?: string }[] = [];

function handle(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  seen.push({ path, ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] });
  if (path === '/list.json') {
    if (req.headers['if-none-match'] === ETAG) {
      res.writeHead(304, { ETag: ETAG }).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json', ETag: ETAG, 'Last-Modified': 'Sun, 01 Nov 2026 00:00:00 GMT' }).end(VALID);
  } else if (path === '/huge.json') {
    // no Content-Length: node sends it chunked, so only the reader can notice the size
    res.writeHead(200, { 'Content-Type': 'application/json' });
    let sent = 0;
    const push = () => {
      while (sent < 2_000_000) {
        sent += 64 * 1024;
        if (!res.write(Buffer.alloc(64 * 1024, 0x20))) return void res.once('drain', push);
      }
      res.end();
    };
    push();
  } else if (path === '/declared.json') {
    res.writeHead(200, { 'Content-Length': String(5_000_000) });
    res.end();
  } else if (path === '/hop') {
    res.writeHead(302, { Location: '/list.json' }).end();
  } else if (path === '/hop-1') {
    res.writeHead(301, { Location: `${base}/hop-2` }).end();
  } else if (path === '/hop-2') {
    res.writeHead(307, { Location: `${elsewhere}/list.json` }).end(); // plain http to another host
  } else if (path === '/loop') {
    res.writeHead(302, { Location: '/loop' }).end();
  } else if (path === '/slow.json') {
    // headers and a first chunk, then nothing: only a deadline on the body ends this
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"format": ');
  } else if (path === '/broken.json') {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(VALID.subarray(0, 200));
  } else if (path === '/bad-rows.json') {
    res.writeHead(200).end(readFileSync(new URL('../../tests/fixtures/authorized/bad-rows.json', import.meta.url)));
  } else {
    res.writeHead(404).end('not found');
  }
}

const server = createServer(handle);
let base = '';
// Another host a redirect may point at: plain http there breaks the rule, so it must see no request.
const elsewhereSeen: string[] = [];
const other = createServer((req, res) => {
  elsewhereSeen.push(req.url ?? '/');
  res.writeHead(200).end(VALID);
});
let elsewhere = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.2', resolve));
  elsewhere = `http://127.0.0.2:${(other.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await new Promise<void>((resolve) => other.close(() => resolve()));
});

const sync = (path: string, extra: Partial<Parameters<typeof syncFromUrl>[0]> = {}) => syncFromUrl({ url: base + path, fetch, maxBytes: 1_000_000, ...extra });

describe('syncFromUrl against a real server', () => {
  it('200: the list with its validators', async () => {
    const r = await sync('/list.json');
    expect(r.kind).toBe('updated');
    if (r.kind !== 'updated') return;
    expect(r.list.sellers).toHaveLength(3);
    expect(r.etag).toBe(ETAG);
    expect(r.lastModified).toBe('Sun, 01 Nov 2026 00:00:00 GMT');
  });

  it('304 with the ETag sent back: unchanged', async () => {
    const r = await sync('/list.json', { previous: { etag: ETAG, lastModified: 'Sun, 01 Nov 2026 00:00:00 GMT' } });
    expect(r).toEqual({ kind: 'unchanged' });
    expect(seen.at(-1)).toMatchObject({ ifNoneMatch: ETAG, ifModifiedSince: 'Sun, 01 Nov 2026 00:00:00 GMT' });
  });

  it('server down: offline, never throws', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const r = await syncFromUrl({ url: `http://127.0.0.1:${port}/list.json`, fetch });
    expect(r.kind).toBe('offline');
  });

  it('an oversized body is rejected while reading, with or without Content-Length', async () => {
    expect(await sync('/huge.json')).toMatchObject({ kind: 'rejected', problems: [{ code: 'too-large' }] });
    expect(await sync('/declared.json')).toMatchObject({ kind: 'rejected', problems: [{ code: 'too-large' }] });
  });

  it('follows a redirect whose target keeps to the rule', async () => {
    expect(await sync('/hop')).toMatchObject({ kind: 'updated', list: { sellers: expect.any(Array) } });
    expect(seen.slice(-2).map((s) => s.path)).toEqual(['/hop', '/list.json']);
  });

  it('checks every hop: a later hop to plain http elsewhere is refused and never requested', async () => {
    const r = await sync('/hop-1');
    expect(r).toMatchObject({ kind: 'rejected', problems: [{ code: 'insecure-redirect', params: { location: `${elsewhere}/list.json` } }] });
    expect(r.kind === 'rejected' && r.problems[0]?.message).toContain('it was not followed');
    expect(elsewhereSeen).toEqual([]);
    // Both earlier hops kept to the rule and were requested, in order.
    expect(seen.slice(-2).map((s) => s.path)).toEqual(['/hop-1', '/hop-2']);
  });

  it('stops after a few redirects', async () => {
    expect(await sync('/loop')).toMatchObject({ kind: 'rejected', problems: [{ code: 'too-many-redirects', params: { max: 5 } }] });
    expect(seen.filter((s) => s.path === '/loop')).toHaveLength(6);
  });

  it('gives up on a server that stops sending, within its deadline', async () => {
    const started = performance.now();
    const r = await sync('/slow.json', { timeoutMs: 300 });
    expect(r).toEqual({ kind: 'offline', message: 'no complete answer within 0.3 s' });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('invalid JSON and invalid rows are rejected with their problems', async () => {
    expect(await sync('/broken.json')).toMatchObject({ kind: 'rejected', problems: [{ code: 'invalid-json', params: { position: 200 } }] });
    const rows = await sync('/bad-rows.json');
    expect(rows.kind === 'rejected' && rows.problems.map((p) => p.code)).toEqual(['unknown-platform', 'duplicate-seller', 'duplicate-product', 'bad-price']);
  });

  it('HTTP errors and insecure URLs are rejected', async () => {
    expect(await sync('/missing.json')).toMatchObject({ kind: 'rejected', problems: [{ code: 'http-status', params: { status: 404 } }] });
    expect(await syncFromUrl({ url: 'http://example.com/list.json', fetch })).toMatchObject({ kind: 'rejected', problems: [{ code: 'insecure-url' }] });
    expect(await syncFromUrl({ url: 'not a url', fetch })).toMatchObject({ kind: 'rejected' });
  });
});

describe('syncAndStore', () => {
  it('stores the list, remembers the ETag, then asks conditionally', async () => {
    const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
    const first = await syncAndStore(`${base}/list.json`, { db, fetch });
    expect(first.state).toMatchObject({ result: 'updated', etag: ETAG });
    expect(await listCounts(db)).toEqual({ sellers: 3, products: 2 });
    const second = await syncAndStore(`${base}/list.json`, { db, fetch });
    expect(second.state).toMatchObject({ result: 'unchanged', etag: ETAG });
    expect(seen.at(-1)?.ifNoneMatch).toBe(ETAG);
    expect((await readSyncState(db))?.lastSuccessAt).toBe(second.state.lastAttemptAt);
  });

  it('a rejected or failed sync keeps the list in force and says why', async () => {
    const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
    await syncAndStore(`${base}/list.json`, { db, fetch });
    const bad = await syncAndStore(`${base}/broken.json`, { db, fetch });
    expect(bad.state).toMatchObject({ result: 'rejected', problemCount: 1 });
    expect(bad.state.message).toMatch(/JSON/);
    expect(await listCounts(db)).toEqual({ sellers: 3, products: 2 });
  });
});

describe('managedSyncUrl', () => {
  it('accepts an https URL from the managed object or the bare value, rejects the rest', () => {
    expect(managedSyncUrl({ authorizedListUrl: ' https://brand.example/list.json ' })).toBe('https://brand.example/list.json');
    expect(managedSyncUrl('https://brand.example/list.json')).toBe('https://brand.example/list.json');
    expect(managedSyncUrl({ authorizedListUrl: 'http://brand.example/list.json' })).toBeUndefined();
    expect(managedSyncUrl(undefined)).toBeUndefined();
    expect(managedSyncUrl({ other: 1 })).toBeUndefined();
  });
});
