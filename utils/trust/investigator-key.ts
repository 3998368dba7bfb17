import type { ListingProofDatabase } from '@/utils/db/database';
import { sha256Bytes } from '@/utils/export/digest';
import { appendCustody } from '@/utils/evidence/custody';
import type { InvestigatorKeyRecord } from '@/utils/model/trust';

// The investigator's signing key: ECDSA P-256 made by WebCrypto with a non-extractable private
// half, kept as CryptoKey objects in IndexedDB (they are structured-cloneable), so the key can
// sign packages but nothing, not even this extension, can read it out. A new key is a custody
// entry and older keys stay (retired) so their fingerprints can still be looked up.

const ALGORITHM: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };

/** lowercase hex SHA-256 of the SubjectPublicKeyInfo DER: the key's id and fingerprint */
export async function keyIdOf(spki: Uint8Array): Promise<string> {
  return sha256Bytes(spki);
}

async function generateKey(now: Date): Promise<InvestigatorKeyRecord> {
  const pair = (await crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKeySpki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return { keyId: await keyIdOf(publicKeySpki), publicKeySpki, publicKey: pair.publicKey, privateKey: pair.privateKey, createdAt: now.toISOString() };
}

/** The key that signs now: the newest one not retired. */
export async function currentKey(db: ListingProofDatabase): Promise<InvestigatorKeyRecord | undefined> {
  const keys = await db.investigatorKeys.orderBy('createdAt').reverse().toArray();
  return keys.find((k) => !k.retiredAt);
}

export async function allKeys(db: ListingProofDatabase): Promise<InvestigatorKeyRecord[]> {
  return db.investigatorKeys.orderBy('createdAt').toArray();
}

/**
 * Stores `fresh` as the signing key. With `retire`, the current key is retired first (rotation);
 * without, an existing current key wins and `fresh` is dropped (two pages racing at first run).
 */
async function install(db: ListingProofDatabase, fresh: InvestigatorKeyRecord, actor: string, retire: boolean, now: Date): Promise<InvestigatorKeyRecord> {
  const result = await db.transaction('rw', [db.investigatorKeys, db.custody], async () => {
    const existing = await currentKey(db);
    if (existing && !retire) return { key: existing, created: false, retired: undefined };
    if (existing) await db.investigatorKeys.update(existing.keyId, { retiredAt: now.toISOString() });
    await db.investigatorKeys.add(fresh);
    return { key: fresh, created: true, retired: existing?.keyId };
  });
  if (result.created) {
    const detail = result.retired ? `investigator key ${fresh.keyId} replaces ${result.retired}` : `investigator key ${fresh.keyId} created`;
    await appendCustody(db, { event: 'note', captureId: '', actor, detail }, now);
  }
  return result.key;
}

/** The signing key, created on first use. */
export async function ensureKey(db: ListingProofDatabase, actor: string, now: Date = new Date()): Promise<InvestigatorKeyRecord> {
  const existing = await currentKey(db);
  if (existing) return existing;
  return install(db, await generateKey(now), actor, false, now);
}

/** A new signing key; the old one is kept, retired. */
export async function rotateKey(db: ListingProofDatabase, actor: string, now: Date = new Date()): Promise<InvestigatorKeyRecord> {
  return install(db, await generateKey(now), actor, true, now);
}

/** ECDSA P-256 / SHA-256 over `bytes`; WebCrypto gives the IEEE P1363 form (r ‖ s, 64 bytes). */
export async function signBytes(key: InvestigatorKeyRecord, bytes: Uint8Array): Promise<Uint8Array> {
  const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, bytes as Uint8Array<ArrayBuffer>);
  return new Uint8Array(sig);
}
