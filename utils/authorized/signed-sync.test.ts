import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncAndStore } from '@/utils/authorized/sync-state';
import { listCounts } from '@/utils/authorized/list-store';
import { parseBrandKey } from '@/utils/authorized/brand-key';
import { checkListSignature, signList, signatureUrl, type BrandKey } from '@/utils/authorized/list-signature';
import { ListingProofDatabase } from '@/utils/db/database';
import { bytesToBase64 } from '@/utils/trust/bytes';

// Signed lists over a real HTTP server on 127.0.0.1: the brand's key signs list.json; another
// key, a changed byte, a missing or malformed .sig are each refused and the list in force stays.

const VALID = new Uint8Array(readFileSync(new URL('../../tests/fixtures/authorized/valid.json', import.meta.url)));
const OTHER = new TextEncoder().encode(
  JSON.stringify({ format: 'listingproof-authorized-list', formatVersion: 1, brand: 'X', updatedAt: '2026-12-01T00:00:00Z', sellers: [], products: [] }),
);
const files = new Map<string, Uint8Array | string>();
let base = '';
let server: ReturnType<typeof createServer>;

function handle(req: IncomingMessage, res: ServerResponse): void {
  const body = files.get(req.url ?? '');
  if (body === undefined) return void res.writeHead(404).end('not found');
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
}

async function newKey() {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const parsed = await parseBrandKey(`-----BEGIN PUBLIC KEY-----\n${bytesToBase64(spki)}\n-----END PUBLIC KEY-----\n`);
  if (!parsed.ok || !parsed.key) throw new Error('key did not parse');
  return { pair, spki, key: parsed.key };
}

let brand: Awaited<ReturnType<typeof newKey>>;
let stranger: Awaited<ReturnType<typeof newKey>>;
const pinned = (key: BrandKey) => ({ text: 'pinned', managed: false, key });

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  [brand, stranger] = await Promise.all([newKey(), newKey()]);
  files.set('/list.json', VALID);
  files.set('/list.json.sig', await signList(VALID, brand.pair.privateKey, brand.spki, 'list.json'));
  files.set('/other.json', OTHER);
  files.set('/other.json.sig', await signList(OTHER, stranger.pair.privateKey, stranger.spki, 'other.json'));
  files.set('/changed.json', OTHER);
  files.set('/changed.json.sig', await signList(VALID, brand.pair.privateKey, brand.spki)); // signed other bytes
  files.set('/unsigned.json', OTHER);
  files.set('/garbled.json', OTHER);
  files.set('/garbled.json.sig', '{"format":"listingproof-list-signature","alg":"RS256"}');
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('brand keys and list signatures', () => {
  it('reads a PEM or bare base64 SPKI, says what is wrong with anything else', async () => {
    expect((await parseBrandKey(bytesToBase64(brand.spki))) as unknown).toMatchObject({ ok: true, key: { keyId: brand.key.keyId } });
    expect(await parseBrandKey('')).toEqual({ ok: true, key: undefined });
    expect(await parseBrandKey('not base64!')).toEqual({ ok: false, problem: 'not-base64' });
    expect(await parseBrandKey(bytesToBase64(new Uint8Array(91)))).toEqual({ ok: false, problem: 'not-p256' });
  });

  it('holds over the exact bytes it signed and for no other key or byte', async () => {
    const sig = new TextEncoder().encode(await signList(VALID, brand.pair.privateKey, brand.spki));
    expect(await checkListSignature(VALID, sig, brand.key, 'x.sig')).toBeUndefined();
    const flipped = VALID.slice();
    flipped[10]! ^= 1;
    expect((await checkListSignature(flipped, sig, brand.key, 'x.sig'))?.code).toBe('signature-invalid');
    expect((await checkListSignature(VALID, sig, stranger.key, 'x.sig'))?.code).toBe('signature-other-key');
    expect(signatureUrl('https://b.example/lists/acme.json?v=2')).toBe('https://b.example/lists/acme.json.sig?v=2');
  });
});

describe('syncAndStore with a pinned brand key', () => {
  it('takes a list signed by the brand key, refuses every other, and keeps the list in force', async () => {
    const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
    const ok = await syncAndStore(`${base}/list.json`, { db, fetch, brandKey: pinned(brand.key) });
    expect(ok.state).toMatchObject({ result: 'updated', brandKeyId: brand.key.keyId });
    expect(await listCounts(db)).toEqual({ sellers: 3, products: 2 });
    const cases: [string, string, RegExp][] = [
      ['other.json', 'signature-other-key', new RegExp(`signed by key ${stranger.key.keyId}, not by the brand key`)],
      ['changed.json', 'signature-invalid', /does not match the bytes of the list/],
      ['unsigned.json', 'signature-missing', /unsigned\.json\.sig could not be read \(HTTP 404\)/],
      ['garbled.json', 'signature-malformed', /garbled\.json\.sig is not a list signature: formatVersion/],
    ];
    for (const [name, code, message] of cases) {
      const out = await syncAndStore(`${base}/${name}`, { db, fetch, brandKey: pinned(brand.key) });
      expect(out.result.kind, name).toBe('rejected');
      expect(out.result.kind === 'rejected' && out.result.problems[0]?.code, name).toBe(code);
      expect(out.state.message, name).toMatch(message);
      expect(await listCounts(db), name).toEqual({ sellers: 3, products: 2 });
    }
  });

  it('with no key pinned an unsigned list is taken as before', async () => {
    const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
    const out = await syncAndStore(`${base}/unsigned.json`, { db, fetch, brandKey: { text: '', managed: false } });
    expect(out.state.result).toBe('updated');
  });

  it('a key pinned after a sync makes the next request unconditional and checked', async () => {
    const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
    await syncAndStore(`${base}/other.json`, { db, fetch, brandKey: { text: '', managed: false } });
    const out = await syncAndStore(`${base}/other.json`, { db, fetch, brandKey: pinned(brand.key) });
    expect(out.result.kind === 'rejected' && out.result.problems[0]?.code).toBe('signature-other-key');
  });
});
