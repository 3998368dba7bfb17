import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTsa, type TestTsa } from '@/tests/harness/tsa-server';
import { requestTimestamp, sha256 } from '@/utils/trust/tsp-client';

// requestTimestamp against a real openssl TSA on 127.0.0.1: a good reply is kept, and every
// way the reply can be wrong is refused before it could be stored as seal.tsr.

const run = promisify(execFile);
let tsa: TestTsa;
let authTsa: TestTsa;
const data = new TextEncoder().encode('{"format":"listingproof-seal","formatVersion":1}');
let digest: Uint8Array;

beforeAll(async () => {
  [tsa, authTsa] = await Promise.all([startTsa(), startTsa({ credentials: { username: 'firm', password: 's3cret:密' } })]);
  digest = await sha256(data);
}, 60_000);
afterAll(async () => {
  await Promise.all([tsa?.stop(), authTsa?.stop()]);
});
beforeEach(() => tsa.setMode('ok'));

describe('requestTimestamp', () => {
  it('stamps a digest with a token openssl itself verifies', async () => {
    const before = Date.now();
    const outcome = await requestTimestamp(digest, [{ url: tsa.url }], { trustedRoots: [tsa.caDer] });
    expect(outcome.status).toBe('stamped');
    if (outcome.status !== 'stamped') return;
    expect(outcome.tsa).toBe(tsa.url);
    expect(outcome.serial).toMatch(/^[0-9a-f]+$/);
    expect(outcome.genTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(outcome.genTime) - before)).toBeLessThan(10_000);

    const dir = await mkdtemp(join(tmpdir(), 'tsr-'));
    try {
      await writeFile(join(dir, 'seal.json'), data);
      await writeFile(join(dir, 'seal.tsr'), outcome.tsr);
      const { stdout } = await run('openssl', ['ts', '-verify', '-data', join(dir, 'seal.json'), '-in', join(dir, 'seal.tsr'), '-CAfile', tsa.caPemFile]);
      expect(stdout).toContain('Verification: OK');
      const { stdout: text } = await run('openssl', ['ts', '-reply', '-in', join(dir, 'seal.tsr'), '-text']);
      expect(text.toLowerCase().replace(/\s/g, '')).toContain(`serialnumber:0x${outcome.serial}`);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('is pending while the only TSA is down, and stamps once it is back', async () => {
    tsa.setMode('down');
    const down = await requestTimestamp(digest, [{ url: tsa.url }]);
    expect(down).toMatchObject({ status: 'pending' });
    expect(down.status === 'pending' && down.reason).toContain('HTTP 503');
    tsa.setMode('ok');
    expect((await requestTimestamp(digest, [{ url: tsa.url }])).status).toBe('stamped');
  });

  it('is pending when nothing listens (connection refused) and when no TSA is configured', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((r) => closed.close(() => r()));
    const outcome = await requestTimestamp(digest, [{ url: `http://127.0.0.1:${port}/` }]);
    expect(outcome.status).toBe('pending');
    expect(await requestTimestamp(digest, [])).toMatchObject({ status: 'pending' });
  });

  it('is pending after the timeout when a TSA never answers', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as AddressInfo;
    try {
      const outcome = await requestTimestamp(digest, [{ url: `http://127.0.0.1:${port}/` }], { timeoutMs: 300 });
      expect(outcome).toMatchObject({ status: 'pending' });
      expect(outcome.status === 'pending' && outcome.reason).toContain('no answer in time');
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });

  it.each([
    ['refuse', /refused the request \(rejection/],
    ['wrong-imprint', /covers [0-9a-f]+, not this data/],
    ['wrong-nonce', /nonce .* is not the request's/],
    ['no-eku', /not for time stamping/],
  ] as const)('fails when every TSA that answered is wrong: %s', async (mode, reason) => {
    tsa.setMode(mode);
    const outcome = await requestTimestamp(digest, [{ url: tsa.url }]);
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.reason).toMatch(reason);
  });

  it('refuses a token from a CA outside the trusted roots when roots are given', async () => {
    tsa.setMode('untrusted');
    const outcome = await requestTimestamp(digest, [{ url: tsa.url }], { trustedRoots: [tsa.caDer] });
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(outcome.status === 'failed' && outcome.reason).toMatch(/does not chain to a trusted root/);
  });

  it('goes on to the next TSA when the first is down or refuses, and stays pending if any was only down', async () => {
    tsa.setMode('down');
    const next = await requestTimestamp(digest, [{ url: tsa.url }, { url: authTsa.url, username: 'firm', password: 's3cret:密' }]);
    expect(next).toMatchObject({ status: 'stamped', tsa: authTsa.url });
    const mixed = await requestTimestamp(digest, [{ url: tsa.url }, { url: authTsa.url, username: 'firm', password: 'wrong' }]);
    expect(mixed.status).toBe('pending');
  });

  it('sends HTTP basic credentials, and a credential refusal is final', async () => {
    const before = authTsa.requests;
    expect((await requestTimestamp(digest, [{ url: authTsa.url, username: 'firm', password: 's3cret:密' }])).status).toBe('stamped');
    const refused = await requestTimestamp(digest, [{ url: authTsa.url }]);
    expect(refused).toMatchObject({ status: 'failed' });
    expect(refused.status === 'failed' && refused.reason).toContain('HTTP 401');
    expect(authTsa.requests).toBe(before + 2);
  });

  it('rejects a digest that is not 32 bytes without asking anyone', async () => {
    const before = tsa.requests;
    expect(await requestTimestamp(new Uint8Array(20), [{ url: tsa.url }])).toMatchObject({ status: 'failed' });
    expect(tsa.requests).toBe(before);
  });
});
