import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AwsClient } from 'aws4fetch';

// A real single-node Ceph on loopback for the locker tests: one monitor, one memstore OSD and
// radosgw (beast) on 127.0.0.1, every file in one temp dir, no systemd. About 15 s and 150 MB.
// Debian 12 packages: radosgw ceph-mon ceph-osd (16.2.x); .ci/run installs them.

const run = promisify(execFile);
const CLASS_DIR_CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/rados-classes',
  '/usr/lib/aarch64-linux-gnu/rados-classes',
  '/usr/lib/rados-classes',
  '/usr/lib64/rados-classes',
];
export const RGW_ACCESS_KEY = 'LPTESTACCESSKEY00001';
export const RGW_SECRET_KEY = 'lp-test-secret-key-not-for-production-0001';
export const RGW_REGION = 'us-east-1';

export interface CephRgw {
  endpoint: string;
  port: number;
  /** a signing client with the test user's keys (region us-east-1, service s3) */
  s3: AwsClient;
  /** creates a bucket with Object Lock (and so versioning) on, or a plain one */
  createBucket(name: string, opts?: { objectLock?: boolean }): Promise<void>;
  /** CORS rule letting `origin` (e.g. chrome-extension://<id>) call the bucket and read our headers */
  allowOrigin(bucket: string, origin: string): Promise<void>;
  /** stops radosgw only; the cluster (and every object) stays */
  stopGateway(): Promise<void>;
  startGateway(): Promise<void>;
  /** resident memory of the three daemons, bytes */
  memoryBytes(): number;
  /** process ids of the running daemons (a memory figure for the browser leaves them out) */
  pids(): number[];
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, logs: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    await sleep(250);
  }
  throw new Error(`Ceph test cluster: ${what} did not happen within ${timeoutMs / 1000} s${last ? ` (last error: ${String(last)})` : ''}\n${logs()}`);
}

function classDir(): string {
  const found = CLASS_DIR_CANDIDATES.find((d) => existsSync(join(d, 'libcls_rgw.so')));
  if (!found)
    throw new Error(
      `Ceph test cluster: no rados-classes directory (looked in ${CLASS_DIR_CANDIDATES.join(', ')}); install radosgw ceph-mon ceph-osd (apt-get install -y radosgw ceph-mon ceph-osd)`,
    );
  return found;
}

function checkInstalled(): void {
  for (const bin of ['ceph-mon', 'ceph-osd', 'radosgw', 'radosgw-admin', 'monmaptool', 'ceph-authtool', 'ceph']) {
    if (!['/usr/bin', '/usr/sbin', '/bin'].some((d) => existsSync(join(d, bin)))) {
      throw new Error(`Ceph test cluster: ${bin} is not installed; apt-get install -y radosgw ceph-mon ceph-osd`);
    }
  }
}

function configText(dir: string, fsid: string, monPort: number, rgwPort: number, memstoreBytes: number): string {
  return `[global]
fsid = ${fsid}
mon host = v2:127.0.0.1:${monPort}
keyring = ${dir}/keyring
auth allow insecure global id reclaim = false
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon allow pool size one = true
mon warn on pool no redundancy = false
ms bind ipv6 = false
public addr = 127.0.0.1
run dir = ${dir}/run
admin socket = ${dir}/run/$name.asok
log file = ${dir}/log/$name.log
pid file = ${dir}/run/$name.pid
crash dir = ${dir}/crash
[mon]
mon data = ${dir}/mon/$id
[osd]
osd data = ${dir}/osd/$id
osd objectstore = memstore
memstore device bytes = ${memstoreBytes}
# without the object classes RGW fails every bucket operation with error -95
osd class dir = ${classDir()}
osd crush chooseleaf type = 0
[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:${rgwPort} tcp_nodelay=1
rgw data = ${dir}/rgw
`;
}

export interface StartOptions {
  /** memstore capacity (all object data lives in the OSD's memory); default 1 GiB */
  memstoreBytes?: number;
}

export async function startCephRgw(opts: StartOptions = {}): Promise<CephRgw> {
  checkInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'listingproof-ceph-'));
  const [monPort, rgwPort] = [await freePort(), await freePort()];
  const children = new Map<string, ChildProcess>();
  const conf = join(dir, 'ceph.conf');
  const logs = () =>
    ['mon.out', 'osd.out', 'rgw.out', 'client.rgw.log']
      .map((f) => join(dir, 'log', f))
      .filter((f) => existsSync(f))
      .map((f) => `--- ${f} (tail)\n${readFileSync(f, 'utf8').split('\n').slice(-8).join('\n')}`)
      .join('\n');
  const daemon = (name: string, bin: string, args: string[]) => {
    const out = join(dir, 'log', `${name}.out`);
    const child = spawn(bin, ['-c', conf, '-f', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => chunks.push(b));
    child.stderr!.on('data', (b: Buffer) => {
      chunks.push(b);
      writeFileSync(out, Buffer.concat(chunks));
    });
    children.set(name, child);
  };
  const kill = async (name: string) => {
    const child = children.get(name);
    children.delete(name);
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    // an OSD or gateway that lost its monitor can hang on SIGTERM: do not wait for it
    if (await Promise.race([exited.then(() => true), sleep(2000).then(() => false)])) return;
    child.kill('SIGKILL');
    await exited;
  };
  const stopAll = async () => {
    for (const name of ['rgw', 'osd', 'mon']) await kill(name);
    rmSync(dir, { recursive: true, force: true });
  };
  const onExit = () => {
    for (const c of children.values()) c.kill('SIGKILL');
  };
  process.once('exit', onExit);

  try {
    for (const d of ['mon', 'osd/0', 'run', 'log', 'rgw', 'crash']) mkdirSync(join(dir, d), { recursive: true });
    const fsid = crypto.randomUUID();
    const keyring = join(dir, 'keyring');
    await run('ceph-authtool', ['--create-keyring', keyring, '--gen-key', '-n', 'mon.', '--cap', 'mon', 'allow *']);
    await run('ceph-authtool', [keyring, '--gen-key', '-n', 'client.admin', '--cap', 'mon', 'allow *', '--cap', 'osd', 'allow *', '--cap', 'mgr', 'allow *']);
    await run('ceph-authtool', [
      keyring,
      '--gen-key',
      '-n',
      'osd.0',
      '--cap',
      'mon',
      'allow profile osd',
      '--cap',
      'osd',
      'allow *',
      '--cap',
      'mgr',
      'allow profile osd',
    ]);
    await run('ceph-authtool', [keyring, '--gen-key', '-n', 'client.rgw', '--cap', 'mon', 'allow rw', '--cap', 'osd', 'allow rwx', '--cap', 'mgr', 'allow rw']);
    writeFileSync(conf, configText(dir, fsid, monPort, rgwPort, opts.memstoreBytes ?? 1 << 30));
    await run('monmaptool', ['--create', '--fsid', fsid, '--addv', 'a', `[v2:127.0.0.1:${monPort}]`, join(dir, 'monmap')]);
    await run('ceph-mon', ['-c', conf, '--mkfs', '-i', 'a', '--monmap', join(dir, 'monmap'), '--keyring', keyring]);
    daemon('mon', 'ceph-mon', ['-i', 'a']);
    const osdUuid = crypto.randomUUID();
    await until(
      'the monitor answering',
      20_000,
      async () => (await run('ceph', ['-c', conf, '--connect-timeout', '5', 'osd', 'new', osdUuid, '0'])).stdout,
      logs,
    );
    await run('ceph-osd', ['-c', conf, '-i', '0', '--mkfs', '--osd-uuid', osdUuid]);
    daemon('osd', 'ceph-osd', ['-i', '0']);
    await until(
      'the OSD coming up',
      30_000,
      async () => {
        const { stdout } = await run('ceph', ['-c', conf, '--connect-timeout', '5', 'osd', 'stat', '-f', 'json']);
        return (JSON.parse(stdout) as { num_up_osds: number }).num_up_osds === 1 ? true : undefined;
      },
      logs,
    );
    const endpoint = `http://127.0.0.1:${rgwPort}`;
    const startGateway = async () => {
      daemon('rgw', 'radosgw', ['-n', 'client.rgw']);
      await until('radosgw answering on ' + endpoint, 40_000, async () => ((await fetch(endpoint)).ok ? true : undefined), logs);
    };
    await startGateway();
    // the first user creation can race the gateway creating its pools: retry
    await until(
      'the S3 user being created',
      20_000,
      async () => {
        await run('radosgw-admin', [
          '-c',
          conf,
          '-n',
          'client.admin',
          'user',
          'create',
          '--uid=listingproof-test',
          '--display-name=ListingProof test',
          `--access-key=${RGW_ACCESS_KEY}`,
          `--secret-key=${RGW_SECRET_KEY}`,
        ]);
        return true;
      },
      logs,
    );
    const s3 = new AwsClient({ accessKeyId: RGW_ACCESS_KEY, secretAccessKey: RGW_SECRET_KEY, service: 's3', region: RGW_REGION, retries: 0 });
    const ok = async (what: string, res: Response) => {
      if (!res.ok) throw new Error(`Ceph test cluster: ${what} answered ${res.status}: ${await res.text()}`);
    };
    return {
      endpoint,
      port: rgwPort,
      s3,
      async createBucket(name, o = {}) {
        const headers: Record<string, string> = o.objectLock === false ? {} : { 'x-amz-bucket-object-lock-enabled': 'true' };
        await ok(`creating bucket ${name}`, await s3.fetch(`${endpoint}/${name}`, { method: 'PUT', headers }));
      },
      async allowOrigin(bucket, origin) {
        const xml = `<CORSConfiguration><CORSRule><AllowedOrigin>${origin}</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedMethod>DELETE</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><ExposeHeader>x-amz-version-id</ExposeHeader><ExposeHeader>x-amz-meta-sha256</ExposeHeader><ExposeHeader>x-amz-object-lock-mode</ExposeHeader><ExposeHeader>x-amz-object-lock-retain-until-date</ExposeHeader><MaxAgeSeconds>600</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
        const md5 = (await import('node:crypto')).createHash('md5').update(xml).digest('base64');
        await ok(`setting CORS on ${bucket}`, await s3.fetch(`${endpoint}/${bucket}?cors`, { method: 'PUT', body: xml, headers: { 'Content-MD5': md5 } }));
      },
      stopGateway: () => kill('rgw'),
      startGateway,
      pids: () => [...children.values()].map((c) => c.pid ?? 0).filter((pid) => pid > 0),
      memoryBytes() {
        let total = 0;
        for (const c of children.values()) {
          const status = c.pid ? readFileSync(`/proc/${c.pid}/status`, 'utf8') : '';
          total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
        }
        return total;
      },
      async stop() {
        process.off('exit', onExit);
        await stopAll();
      },
    };
  } catch (err) {
    const text = logs();
    await stopAll();
    process.off('exit', onExit);
    if (err instanceof Error && !err.message.includes('---') && text) err.message += `\n${text}`;
    throw err;
  }
}
