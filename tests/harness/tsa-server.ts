import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { makeTsaPki, openssl, type TsaPki } from '@/tests/harness/tsa-pki';
import { ensurePkijsEngine } from '@/utils/trust/pkijs-engine';
import { toArrayBuffer } from '@/utils/trust/bytes';

// A real RFC 3161 TSA for tests: `openssl ts -reply` behind node:http on 127.0.0.1, with the
// throwaway PKI of tsa-pki.ts. Modes make it misbehave the ways real TSAs can; every reply is
// still made and signed by openssl (the no-eku token by `openssl cms`), never faked in JS.

export type TsaMode = 'ok' | 'down' | 'refuse' | 'wrong-imprint' | 'wrong-nonce' | 'untrusted' | 'no-eku' | 'expired';

export interface TestTsa {
  url: string;
  caPemFile: string;
  caDer: Uint8Array;
  untrustedCaPemFile: string;
  untrustedCaDer: Uint8Array;
  setMode(mode: TsaMode): void;
  /** requests answered so far (CORS preflights not counted) */
  readonly requests: number;
  stop(): Promise<void>;
}

export interface TsaOptions {
  port?: number;
  /** HTTP basic credentials the TSA insists on (401 otherwise) */
  credentials?: { username: string; password: string };
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type, authorization',
};
const UNSUPPORTED_POLICY = '1.2.3.4.5.6.7';

async function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** The request as openssl should see it in this mode (other imprint, other nonce, a policy it refuses). */
function alterQuery(query: Uint8Array, mode: TsaMode): Uint8Array {
  if (mode !== 'wrong-imprint' && mode !== 'wrong-nonce' && mode !== 'refuse') return query;
  ensurePkijsEngine();
  const req = pkijs.TimeStampReq.fromBER(toArrayBuffer(query));
  if (mode === 'wrong-imprint') {
    const other = new Uint8Array(req.messageImprint.hashedMessage.valueBlock.valueHexView);
    other[0] = other[0]! ^ 0xff;
    req.messageImprint.hashedMessage = new asn1js.OctetString({ valueHex: toArrayBuffer(other) });
  } else if (mode === 'wrong-nonce') {
    req.nonce = new asn1js.Integer({ value: 424242 });
  } else {
    req.reqPolicy = UNSUPPORTED_POLICY;
  }
  return new Uint8Array(req.toSchema().toBER());
}

/** Re-signs the TSTInfo of a genuine reply with a certificate lacking the timeStamping purpose. */
async function resignWithoutEku(pki: TsaPki, reply: Uint8Array, name: string): Promise<Uint8Array> {
  const resp = pkijs.TimeStampResp.fromBER(toArrayBuffer(reply));
  const signed = new pkijs.SignedData({ schema: resp.timeStampToken!.content });
  const tstInfo = new Uint8Array(signed.encapContentInfo.eContent!.getValue());
  const tstFile = join(pki.dir, `${name}.tst`);
  const tokenFile = join(pki.dir, `${name}.p7`);
  await writeFile(tstFile, tstInfo);
  await openssl(
    [
      'cms',
      '-sign',
      '-binary',
      '-nodetach',
      '-nosmimecap',
      '-md',
      'sha256',
      '-econtent_type',
      '1.2.840.113549.1.9.16.1.4',
      '-in',
      tstFile,
      '-signer',
      pki.noEku.cert,
      '-inkey',
      pki.noEku.key,
      '-outform',
      'DER',
      '-out',
      tokenFile,
    ],
    pki.dir,
  );
  const token = asn1js.fromBER(toArrayBuffer(new Uint8Array(await readFile(tokenFile)))).result;
  const wrapped = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.Integer({ value: 0 })] }), token] });
  await Promise.all([rm(tstFile), rm(tokenFile)]);
  return new Uint8Array(wrapped.toBER());
}

async function reply(pki: TsaPki, query: Uint8Array, mode: TsaMode, name: string): Promise<Uint8Array> {
  const queryFile = join(pki.dir, `${name}.tsq`);
  const replyFile = join(pki.dir, `${name}.tsr`);
  await writeFile(queryFile, alterQuery(query, mode));
  const section = mode === 'untrusted' ? 'tsa_untrusted' : mode === 'expired' ? 'tsa_expired' : 'tsa_ok';
  await openssl(['ts', '-reply', '-config', pki.configFile, '-section', section, '-queryfile', queryFile, '-out', replyFile], pki.dir);
  const out = new Uint8Array(await readFile(replyFile));
  await Promise.all([rm(queryFile), rm(replyFile)]);
  return mode === 'no-eku' ? resignWithoutEku(pki, out, name) : out;
}

export async function startTsa(options: TsaOptions = {}): Promise<TestTsa> {
  const pki = await makeTsaPki();
  let mode: TsaMode = 'ok';
  let requests = 0;
  // openssl keeps the serial in a file: one reply at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const expectedAuth = options.credentials
    ? `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString('base64')}`
    : undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return;
    }
    const body = await readBody(req);
    requests++;
    if (req.method !== 'POST') return void res.writeHead(405, CORS).end();
    if (mode === 'down') return void res.writeHead(503, { ...CORS, 'content-type': 'text/plain' }).end('TSA down for maintenance');
    if (expectedAuth && req.headers.authorization !== expectedAuth) return void res.writeHead(401, { ...CORS, 'www-authenticate': 'Basic realm="tsa"' }).end();
    if (req.headers['content-type'] !== 'application/timestamp-query') return void res.writeHead(415, CORS).end();
    const current = mode;
    const job = queue.then(() => reply(pki, body, current, `q${requests}`));
    queue = job.catch(() => undefined);
    try {
      const der = await job;
      res.writeHead(200, { ...CORS, 'content-type': 'application/timestamp-reply', 'content-length': der.byteLength }).end(der);
    } catch (e) {
      res.writeHead(500, { ...CORS, 'content-type': 'text/plain' }).end(e instanceof Error ? e.message : String(e));
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsr`,
    caPemFile: pki.caPemFile,
    caDer: pki.caDer,
    untrustedCaPemFile: pki.untrustedCaPemFile,
    untrustedCaDer: pki.untrustedCaDer,
    setMode: (next) => {
      mode = next;
    },
    get requests() {
      return requests;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(pki.dir, { recursive: true, force: true });
    },
  };
}
