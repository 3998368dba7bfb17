import { browser, storage } from '#imports';
import type { BrandKey } from '@/utils/authorized/list-signature';
import { base64ToBytes, cryptoView } from '@/utils/trust/bytes';
import { keyIdOf } from '@/utils/trust/investigator-key';

// The brand's public key that a synced list must be signed with: pasted in the settings (PEM
// `PUBLIC KEY` or bare base64 of the SPKI DER) or set by the company in managed storage, which
// then wins and cannot be changed in the dashboard. No key pinned: lists are taken unsigned.

/** The key an administrator sets in managed storage (policy). */
export const MANAGED_BRAND_KEY = 'brandPublicKey';

const item = storage.defineItem<string>('local:brandPublicKey', { fallback: '' });

export type BrandKeyProblem = 'not-base64' | 'not-p256';

/** Parses a pasted key; '' is "no key pinned" (undefined). */
export async function parseBrandKey(text: string): Promise<{ ok: true; key: BrandKey | undefined } | { ok: false; problem: BrandKeyProblem }> {
  const body = text
    .replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '')
    .replace(/\s+/g, '')
    .trim();
  if (!body) return { ok: true, key: undefined };
  let spki: Uint8Array;
  try {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return { ok: false, problem: 'not-base64' };
    spki = base64ToBytes(body);
  } catch {
    return { ok: false, problem: 'not-base64' };
  }
  try {
    await crypto.subtle.importKey('spki', cryptoView(spki), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  } catch {
    return { ok: false, problem: 'not-p256' };
  }
  return { ok: true, key: { spki, keyId: await keyIdOf(spki) } };
}

async function readManaged(): Promise<string | undefined> {
  try {
    const value = (await browser.storage.managed.get(MANAGED_BRAND_KEY))[MANAGED_BRAND_KEY];
    return typeof value === 'string' && value.trim() ? value : undefined;
  } catch {
    return undefined; // no policy store in this browser or profile
  }
}

export interface EffectiveBrandKey {
  text: string;
  managed: boolean;
  /** undefined: none pinned, or the stored text does not parse (then `problem` says why) */
  key?: BrandKey;
  problem?: BrandKeyProblem;
}

export async function loadBrandKey(): Promise<EffectiveBrandKey> {
  const managed = await readManaged();
  const text = managed ?? (await item.getValue());
  const parsed = await parseBrandKey(text);
  return { text, managed: managed !== undefined, ...(parsed.ok ? { key: parsed.key } : { problem: parsed.problem }) };
}

/** Saves the pasted key after checking it; returns the problem instead when it does not parse. */
export async function saveBrandKey(text: string): Promise<BrandKeyProblem | undefined> {
  const parsed = await parseBrandKey(text);
  if (!parsed.ok) return parsed.problem;
  await item.setValue(text.trim());
  return undefined;
}
