import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListingProofDatabase } from '@/utils/db/database';
import { storeCapture } from '@/utils/evidence/store-capture';
import { makeCapture } from '@/tests/helpers/make-capture';
import { startTsa, type TestTsa } from '@/tests/harness/tsa-server';
import { requestTimestamp } from '@/utils/trust/tsp-client';
import { backoffMs, stampCapture, stampDue, type StampDeps } from '@/utils/background/timestamp-queue';

let tsa: TestTsa;
const work = mkdtempSync(join(tmpdir(), 'lp-queue-'));
beforeAll(async () => {
  tsa = await startTsa();
});
afterAll(async () => {
  await tsa?.stop();
  rmSync(work, { recursive: true, force: true });
});
const dbs: ListingProofDatabase[] = [];
afterEach(() => {
  tsa.setMode('ok');
  dbs.splice(0).forEach((d) => void d.delete());
});

async function storedCapture(db: ListingProofDatabase) {
  const { record, bytes } = await makeCapture();
  const { caseId: _c, ...draft } = record;
  const blobs = new Map([...bytes].map(([p, b]) => [p, new Blob([b as Uint8Array<ArrayBuffer>])]));
  return storeCapture(db, draft, blobs, {
    now: record.capturedAt,
    newCaseId: () => crypto.randomUUID(),
    seal: { name: 'Li', org: 'Acme IP', keyId: 'ab'.repeat(32) },
  });
}

function deps(db: ListingProofDatabase, now: () => Date = () => new Date()): StampDeps {
  return { db, request: (d, t) => requestTimestamp(d, t, { timeoutMs: 5000 }), tsas: async () => [{ url: tsa.url }], now, actor: async () => 'Li' };
}

async function blobBytes(db: ListingProofDatabase, id: string): Promise<Uint8Array> {
  return new Uint8Array(await (await db.artifactBlobs.get(id))!.data.arrayBuffer());
}

describe('timestamp queue (real openssl TSA on 127.0.0.1)', () => {
  it('stamps a stored capture: seal.tsr verifies with openssl against the TSA root', async () => {
    const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
    dbs.push(db);
    const rec = await storedCapture(db);
    const row = (await stampCapture(deps(db), rec.id))!;
    expect(row).toMatchObject({ status: 'stamped', tsa: tsa.url, attempts: 1 });
    expect(row.genTime).toMatch(/Z$/);
    expect(row.serial).toMatch(/^[0-9a-f]+$/);
    writeFileSync(join(work, 'seal.json'), await blobBytes(db, `${rec.id}/seal.json`));
    writeFileSync(join(work, 'seal.tsr'), await blobBytes(db, `${rec.id}/seal.tsr`));
    const out = execFileSync('openssl', ['ts', '-verify', '-data', join(work, 'seal.json'), '-in', join(work, 'seal.tsr'), '-CAfile', tsa.caPemFile], {
      encoding: 'utf8',
    });
    expect(out).toContain('Verification: OK');
    const log = await db.custody.orderBy('seq').toArray();
    expect(log.at(-1)!.detail).toContain(`genTime ${row.genTime}`);
  });

  it('keeps a capture pending with backoff while the TSA is down, and stamps it later with the later time', async () => {
    const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
    dbs.push(db);
    const rec = await storedCapture(db);
    tsa.setMode('down');
    const t0 = new Date();
    const pending = (await stampCapture(
      deps(db, () => t0),
      rec.id,
    ))!;
    expect(pending.status).toBe('pending');
    expect(pending.lastError).toMatch(/503|down/i);
    expect(Date.parse(pending.nextAttemptAt)).toBe(t0.getTime() + backoffMs(1));
    expect(await db.artifactBlobs.get(`${rec.id}/seal.tsr`)).toBeUndefined();
    // not due yet: the queue leaves it alone
    tsa.setMode('ok');
    expect(await stampDue(deps(db, () => t0))).toEqual({ stamped: 0, pending: 0, failed: 0 });
    await new Promise((r) => setTimeout(r, 1100));
    const later = new Date(t0.getTime() + backoffMs(1));
    expect(await stampDue(deps(db, () => later))).toEqual({ stamped: 1, pending: 0, failed: 0 });
    const row = (await db.timestamps.get(rec.id))!;
    expect(row.status).toBe('stamped');
    expect(Date.parse(row.genTime!)).toBeGreaterThan(t0.getTime());
  });

  it('a refusal from every TSA is final', async () => {
    const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
    dbs.push(db);
    const rec = await storedCapture(db);
    tsa.setMode('refuse');
    expect((await stampCapture(deps(db), rec.id))!.status).toBe('failed');
    tsa.setMode('ok');
    expect(await stampDue(deps(db), { all: true })).toEqual({ stamped: 0, pending: 0, failed: 0 });
    expect((await db.timestamps.get(rec.id))!.status).toBe('failed');
  });

  it('backs off up to five minutes', () => {
    expect([1, 2, 3, 4, 5, 9].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000, 300_000, 300_000]);
  });
});
