import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// A throwaway PKI for the test TSA, made with Debian's openssl in a temp dir: a trusted root CA
// and its TSA certificate (critical timeStamping EKU), a second untrusted CA with its own TSA,
// a certificate of the trusted CA without the timeStamping purpose, and a TSA certificate of the
// trusted CA that expired in 2021.

const run = promisify(execFile);

export async function openssl(args: string[], cwd: string): Promise<void> {
  await run('openssl', args, { cwd });
}

export interface TsaPki {
  dir: string;
  caPemFile: string;
  caDer: Uint8Array;
  untrustedCaPemFile: string;
  untrustedCaDer: Uint8Array;
  /** the `openssl ts` config file; sections tsa_ok, tsa_untrusted, tsa_expired */
  configFile: string;
  /** signer without the timeStamping purpose (openssl ts refuses it; signed with openssl cms) */
  noEku: { cert: string; key: string };
}

const EXTENSIONS = `
[ca_ext]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[tsa_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid

[no_eku_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, codeSigning
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

function tsaSection(name: string, dir: string, cert: string, key: string, chain: string): string {
  return `
[${name}]
dir = ${dir}
serial = $dir/${name}.serial
crypto_device = builtin
signer_cert = $dir/${cert}
certs = $dir/${chain}
signer_key = $dir/${key}
signer_digest = sha256
default_policy = 1.3.6.1.4.1.59999.1.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;
}

// `openssl ca` is the one openssl 3.0 command that sets explicit validity dates (for the expired cert).
function caConfig(dir: string): string {
  return `
[ca]
default_ca = expired_ca
[expired_ca]
dir = ${dir}
database = $dir/index.txt
new_certs_dir = $dir
serial = $dir/ca.serial
default_md = sha256
policy = any_policy
unique_subject = no
copy_extensions = none
[any_policy]
commonName = supplied
`;
}

const days = ['-days', '3650'];

export async function makeTsaPki(): Promise<TsaPki> {
  const dir = await mkdtemp(join(tmpdir(), 'listingproof-tsa-'));
  await writeFile(join(dir, 'ext.cnf'), EXTENSIONS);
  const rsa = ['-newkey', 'rsa:2048'];
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
  const selfSigned = (name: string, key: string[], cn: string) =>
    openssl(
      [
        'req',
        '-x509',
        ...key,
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.pem`,
        ...days,
        '-subj',
        `/O=ListingProof Tests/CN=${cn}`,
        '-config',
        'ext.cnf',
        '-extensions',
        'ca_ext',
      ],
      dir,
    );
  const request = (name: string, key: string[], cn: string) =>
    openssl(['req', '-new', ...key, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/O=ListingProof Tests/CN=${cn}`], dir);
  const issue = (name: string, ca: string, ext: string) =>
    openssl(
      [
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        `${ca}.pem`,
        '-CAkey',
        `${ca}.key`,
        '-set_serial',
        `0x${Date.now().toString(16)}${name.length}`,
        ...days,
        '-sha256',
        '-out',
        `${name}.pem`,
        '-extfile',
        'ext.cnf',
        '-extensions',
        ext,
      ],
      dir,
    );

  await Promise.all([selfSigned('ca', rsa, 'Test Root CA'), selfSigned('untrusted-ca', ec, 'Untrusted Root CA')]);
  await Promise.all([
    request('tsa', rsa, 'Test TSA'),
    request('untrusted-tsa', ec, 'Untrusted TSA'),
    request('no-eku', ec, 'Code Signer'),
    request('expired-tsa', ec, 'Expired TSA'),
  ]);
  await Promise.all([issue('tsa', 'ca', 'tsa_ext'), issue('untrusted-tsa', 'untrusted-ca', 'tsa_ext'), issue('no-eku', 'ca', 'no_eku_ext')]);

  await writeFile(join(dir, 'ca.cnf'), caConfig(dir));
  await writeFile(join(dir, 'index.txt'), '');
  await writeFile(join(dir, 'ca.serial'), '1000\n');
  await openssl(
    [
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-in',
      'expired-tsa.csr',
      '-out',
      'expired-tsa.pem',
      '-cert',
      'ca.pem',
      '-keyfile',
      'ca.key',
      '-startdate',
      '20200101000000Z',
      '-enddate',
      '20210101000000Z',
      '-extfile',
      'ext.cnf',
      '-extensions',
      'tsa_ext',
      '-notext',
    ],
    dir,
  );

  const config = [
    tsaSection('tsa_ok', dir, 'tsa.pem', 'tsa.key', 'ca.pem'),
    tsaSection('tsa_untrusted', dir, 'untrusted-tsa.pem', 'untrusted-tsa.key', 'untrusted-ca.pem'),
    tsaSection('tsa_expired', dir, 'expired-tsa.pem', 'expired-tsa.key', 'ca.pem'),
  ].join('\n');
  await writeFile(join(dir, 'tsa.cnf'), config);
  const der = async (pem: string) => {
    await openssl(['x509', '-in', pem, '-outform', 'DER', '-out', `${pem}.der`], dir);
    return new Uint8Array(await readFile(join(dir, `${pem}.der`)));
  };
  return {
    dir,
    caPemFile: join(dir, 'ca.pem'),
    caDer: await der('ca.pem'),
    untrustedCaPemFile: join(dir, 'untrusted-ca.pem'),
    untrustedCaDer: await der('untrusted-ca.pem'),
    configFile: join(dir, 'tsa.cnf'),
    noEku: { cert: join(dir, 'no-eku.pem'), key: join(dir, 'no-eku.key') },
  };
}
