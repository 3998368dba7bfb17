import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBrandKey } from '@/utils/authorized/brand-key';
import { checkListSignature } from '@/utils/authorized/list-signature';

// `npm run sign-list -- <list.json> <key.pem>` as a brand runs it (node --import tsx): the .sig it
// writes is what the extension's sync accepts for that key, and for no other.

const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'utils/cli/sign-list-cli.ts', ...args], { encoding: 'utf8' });

describe('sign-list', () => {
  it('signs the exact bytes with a PKCS#8 or SEC1 P-256 key; the extension checks it against the public key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sign-list-'));
    const list = join(dir, 'acme.json');
    writeFileSync(list, readFileSync(new URL('../../tests/fixtures/authorized/valid.json', import.meta.url)));
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const brand = await parseBrandKey(publicKey.export({ type: 'spki', format: 'pem' }).toString());
    if (!brand.ok || !brand.key) throw new Error('public key did not parse');
    for (const type of ['pkcs8', 'sec1'] as const) {
      const keyFile = join(dir, `${type}.pem`);
      writeFileSync(keyFile, privateKey.export({ type, format: 'pem' }));
      const out = run(list, keyFile);
      expect(out.status, out.stderr).toBe(0);
      expect(out.stdout).toContain(`key id ${brand.key.keyId}`);
      const sig = new Uint8Array(readFileSync(`${list}.sig`));
      expect(JSON.parse(new TextDecoder().decode(sig))).toMatchObject({ format: 'listingproof-list-signature', keyId: brand.key.keyId, signed: 'acme.json' });
      expect(await checkListSignature(new Uint8Array(readFileSync(list)), sig, brand.key, 'acme.json.sig')).toBeUndefined();
    }
  }, 30_000);

  it('refuses a key that is not P-256, and says how to call it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sign-list-'));
    const keyFile = join(dir, 'rsa.pem');
    writeFileSync(keyFile, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(join(dir, 'l.json'), '{}');
    const rsa = run(join(dir, 'l.json'), keyFile);
    expect(rsa.status).toBe(2);
    expect(rsa.stderr).toMatch(/must be EC P-256 \(prime256v1\), this is rsa/);
    const usage = run();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: npm run sign-list -- <list.json> <brand-key.pem>');
  }, 30_000);
});
