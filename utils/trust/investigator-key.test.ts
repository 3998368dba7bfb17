import { afterEach, describe, expect, it } from 'vitest';
import { ListingProofDatabase } from '@/utils/db/database';
import { sha256Bytes } from '@/utils/export/digest';
import { allKeys, currentKey, ensureKey, rotateKey, signBytes } from '@/utils/trust/investigator-key';

const dbs: ListingProofDatabase[] = [];
function freshDb() {
  const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}
afterEach(() => dbs.splice(0).forEach((d) => void d.delete()));

describe('investigator key', () => {
  it('is made once, non-extractable, with the SPKI fingerprint as id, and survives a reopen', async () => {
    const db = freshDb();
    const [a, b] = await Promise.all([ensureKey(db, 'Li'), ensureKey(db, 'Li')]);
    expect(a.keyId).toBe(b.keyId);
    expect(await allKeys(db)).toHaveLength(1);
    expect(a.keyId).toMatch(/^[0-9a-f]{64}$/);
    expect(a.keyId).toBe(await sha256Bytes(a.publicKeySpki));
    expect(a.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', a.privateKey)).rejects.toThrow();
    const again = new ListingProofDatabase(db.name);
    dbs.push(again);
    const reread = (await currentKey(again))!;
    expect(reread.keyId).toBe(a.keyId);
    const sig = await signBytes(reread, new TextEncoder().encode('manifest'));
    expect(sig.byteLength).toBe(64); // IEEE P1363 r||s
    const pub = await crypto.subtle.importKey('spki', reread.publicKeySpki as Uint8Array<ArrayBuffer>, { name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'verify',
    ]);
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, sig as Uint8Array<ArrayBuffer>, new TextEncoder().encode('manifest'))).toBe(
      true,
    );
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, sig as Uint8Array<ArrayBuffer>, new TextEncoder().encode('manifest!'))).toBe(
      false,
    );
  });

  it('rotation keeps the old public key, retired, and writes custody entries', async () => {
    const db = freshDb();
    const first = await ensureKey(db, 'Li');
    const second = await rotateKey(db, 'Li');
    expect(second.keyId).not.toBe(first.keyId);
    expect((await currentKey(db))!.keyId).toBe(second.keyId);
    const keys = await allKeys(db);
    expect(keys.map((k) => k.keyId)).toEqual([first.keyId, second.keyId]);
    expect(keys[0]!.retiredAt).toBeTruthy();
    const log = await db.custody.orderBy('seq').toArray();
    expect(log.map((e) => e.detail)).toEqual([`investigator key ${first.keyId} created`, `investigator key ${second.keyId} replaces ${first.keyId}`]);
  });
});
