import { createPrivateKey, createPublicKey, webcrypto } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { signList } from '@/utils/authorized/list-signature';
import { sha256Bytes } from '@/utils/export/digest';

// `npm run sign-list -- <list.json> <brand-key.pem>`: writes `<list.json>.sig`, the detached
// ES256 signature the extension checks against the brand key pinned in its settings. The key is
// an EC P-256 private key in PEM (PKCS#8 `PRIVATE KEY` or SEC1 `EC PRIVATE KEY`, as openssl makes).

const USAGE = 'usage: npm run sign-list -- <list.json> <brand-key.pem>';

async function main(args: string[]): Promise<number> {
  const [listPath, keyPath] = args.filter((a) => a !== '--');
  if (!listPath || !keyPath) {
    console.error(USAGE);
    return 2;
  }
  const [list, pem] = await Promise.all([readFile(listPath), readFile(keyPath, 'utf8')]);
  let keyObject;
  try {
    keyObject = createPrivateKey(pem);
  } catch (e) {
    console.error(`${keyPath}: not a PEM private key (${e instanceof Error ? e.message : String(e)})`);
    return 2;
  }
  if (keyObject.asymmetricKeyType !== 'ec' || keyObject.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    console.error(
      `${keyPath}: the brand key must be EC P-256 (prime256v1), this is ${keyObject.asymmetricKeyType} ${keyObject.asymmetricKeyDetails?.namedCurve ?? ''}`,
    );
    return 2;
  }
  const spki = new Uint8Array(createPublicKey(keyObject).export({ type: 'spki', format: 'der' }));
  const pkcs8 = keyObject.export({ type: 'pkcs8', format: 'der' });
  const privateKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  const sigText = await signList(new Uint8Array(list), privateKey as CryptoKey, spki, basename(listPath));
  await writeFile(`${listPath}.sig`, sigText);
  console.log(`${listPath}.sig written; key id ${await sha256Bytes(spki)} (pin this key's public half in the dashboard: brand public key)`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  },
);
