import { execFileSync, spawnSync } from 'node:child_process';
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaptureRecord } from '@/utils/model/capture';
import { sha256Bytes } from '@/utils/export/digest';
import { writePackage } from '@/utils/export/build-package';
import { makeCapture } from '@/tests/helpers/make-capture';
import { mb, ratio, table, verdict, type Print } from '@/tests/bench/bench-utils';

// Verifying a ~363 MB package (three 100 MiB screenshots, sixty-three captures of about 1 MiB) the way
// `npm run verify` does, and the dashboard's pure-JS path, each in a child process whose peak
// RSS is its own. References in the same run: sha256sum of the zip, node hashing the file
// streaming, and node idle with the verifier loaded (under tsx, as `npm run verify` runs, and
// bundled for plain node). Target: peak RSS under 1.2x the largest file.

const MB = 1024 * 1024;
const LARGE = [100 * MB, 100 * MB, 100 * MB];
const SMALL_CAPTURES = 63;
const SMALL_PNG = MB;

/** Incompressible, PNG-signed bytes from a seed (xorshift32), the same every time they are asked for. */
function pngLike(bytes: number, seed: number): Uint8Array {
  const out = new Uint8Array(bytes);
  const words = new Uint32Array(out.buffer, 0, bytes >>> 2);
  let x = seed * 2_654_435_761 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  out.set([137, 80, 78, 71, 13, 10, 26, 10]);
  return out;
}

/** Captures whose viewport.png is generated on demand: the bench never holds the package. */
async function benchCaptures(): Promise<{ captures: CaptureRecord[]; load: (id: string, path: string) => Promise<Uint8Array | undefined> }> {
  const sizes = [...LARGE, ...Array.from({ length: SMALL_CAPTURES }, () => SMALL_PNG)];
  const captures: CaptureRecord[] = [];
  const small = new Map<string, Uint8Array>();
  const seeds = new Map<string, [number, number]>();
  for (const [i, size] of sizes.entries()) {
    const made = await makeCapture({ pngBytes: 16, mhtmlBytes: 40_000 });
    const png = pngLike(size, i + 1);
    const artifacts = made.record.artifacts.map((a) => (a.path === 'viewport.png' ? { ...a, bytes: size, sha256: '' } : a));
    const viewport = artifacts.find((a) => a.path === 'viewport.png')!;
    viewport.sha256 = await sha256Bytes(png);
    seeds.set(made.record.id, [size, i + 1]);
    for (const [path, data] of made.bytes) if (path !== 'viewport.png') small.set(`${made.record.id}/${path}`, data);
    captures.push({ ...made.record, artifacts });
  }
  return {
    captures,
    load: async (id, path) => {
      const seed = seeds.get(id);
      return path === 'viewport.png' && seed ? pngLike(...seed) : small.get(`${id}/${path}`);
    },
  };
}

async function writeBenchPackage(path: string): Promise<number> {
  const { captures, load } = await benchCaptures();
  const fh = await open(path, 'w');
  let batch: Uint8Array[] = [];
  let size = 0;
  const flush = async () => {
    const data = Buffer.concat(batch);
    [batch, size] = [[], 0];
    await fh.write(data);
  };
  try {
    const result = await writePackage({ captures, readArtifact: load, custody: [], custodyLinks: [], softwareVersion: 'bench', locale: 'en' }, (chunk) => {
      batch.push(chunk);
      size += chunk.byteLength;
      return size >= 4 * MB ? flush() : undefined;
    });
    await flush();
    return result.bytes;
  } finally {
    await fh.close();
  }
}

interface ChildResult {
  result: string;
  seconds: number;
  maxRssBytes: number;
  problems?: unknown[];
}

const TSX_CHILD = ['--import', 'tsx', 'tests/bench/verify-child.ts'];

function child(mode: string, path: string, script: string[] = TSX_CHILD): ChildResult {
  const run = spawnSync(process.execPath, [...script, mode, path], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`${mode} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

export async function benchVerify(print: Print): Promise<void> {
  const path = join(tmpdir(), `listingproof-verify-bench-${process.pid}.zip`);
  try {
    let t = performance.now();
    const size = await writeBenchPackage(path);
    const largest = Math.max(...LARGE);
    print(
      `package: ${mb(size)} (${size} bytes), largest file ${mb(largest)}, ${LARGE.length + SMALL_CAPTURES} captures; written in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    t = performance.now();
    execFileSync('sha256sum', [path]);
    const sha256sumSeconds = (performance.now() - t) / 1000;
    const idle = child('idle', path);
    const hashFile = child('hash-file', path);
    // The same child bundled into one file for plain node, so tsx's own memory is out of the figure.
    const bundle = join(tmpdir(), `listingproof-verify-child-${process.pid}.mjs`);
    const esbuild = await import('esbuild'); // comes with tsx
    await esbuild.build({ entryPoints: ['tests/bench/verify-child.ts'], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'error' });
    const rows: string[][] = [
      ['sha256sum of the zip (reference)', sha256sumSeconds.toFixed(2), (size / MB / sha256sumSeconds).toFixed(0), '—', '—', '—', '1.00x'],
    ];
    const row = (label: string, r: ChildResult) => [
      label,
      r.seconds.toFixed(2),
      (size / MB / r.seconds).toFixed(0),
      mb(r.maxRssBytes),
      ratio(r.maxRssBytes, largest),
      ratio(r.maxRssBytes, size),
      ratio(r.seconds, sha256sumSeconds),
    ];
    rows.push(row('node: idle, verifier loaded (reference)', idle), row('node: streaming SHA-256 of the zip (reference)', hashFile));
    const cli = child('verify-node', path);
    const js = child('verify-js', path);
    rows.push(row('npm run verify (native SHA-256)', cli), row("dashboard's path (pure-JS SHA-256)", js));
    const bundledIdle = child('idle', path, [bundle]);
    const bundled = child('verify-node', path, [bundle]);
    await rm(bundle, { force: true });
    rows.push(row('plain node, bundled verifier: idle (reference)', bundledIdle), row('plain node, bundled verifier: verify', bundled));
    table(print, ['run', 'seconds', 'MB/s', 'peak RSS', 'x largest file', 'x package', 'x sha256sum time'], rows);
    for (const [label, r] of [
      ['npm run verify', cli],
      ["dashboard's path", js],
      ['bundled verifier, plain node', bundled],
    ] as const) {
      if (r.result !== 'intact') throw new Error(`${label} found the package ${r.result}: ${JSON.stringify(r.problems)}`);
      const base = r === bundled ? bundledIdle : idle;
      print(
        `${label}: intact; peak RSS ${ratio(r.maxRssBytes, largest)} the largest file (target < 1.20x): ${verdict(r.maxRssBytes < 1.2 * largest)}; over the idle process: ${mb(r.maxRssBytes - base.maxRssBytes)} = ${ratio(r.maxRssBytes - base.maxRssBytes, largest)} the largest file`,
      );
    }
  } finally {
    await rm(path, { force: true });
  }
}
