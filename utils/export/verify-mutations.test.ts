import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodeOf } from '@/utils/cli/verify-format';
import { sha256Bytes, sha256Text } from '@/utils/export/digest';
import { formatSha256Sums } from '@/utils/export/sha256sums';
import { verifyPackage } from '@/utils/export/verify-package';
import { makePackage, makeSealedPackage } from '@/tests/helpers/make-package';
import { makeSigner, signManifest, writeManifest } from '@/tests/helpers/seal-package';
import { startTsa, type TestTsa } from '@/tests/harness/tsa-server';
import { seededRandom } from '@/tests/helpers/make-capture';
import { bytesOf, text, unzipAll, zipAll } from '@/tests/helpers/rezip';

// Random tampering: every mutation of a built package must be caught. Reproduce a failing run
// with MUTATION_SEED=<the printed seed>.

const RUNS = 500;

type Files = Map<string, Uint8Array>;
type ManifestJson = { files: { path: string; sha256: string; bytes: number }[]; captures: Record<string, unknown>[] };

describe('verifyPackage under random mutations', () => {
  it(`detects each of ${RUNS} random mutations`, async () => {
    const seed = Number(process.env.MUTATION_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log('mutation seed', seed);
    const rand = seededRandom(seed);
    const int = (n: number) => Math.floor(rand() * n);
    const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;

    const { bytes } = await makePackage([{ pngBytes: 600 }, { kind: 'chat', pngBytes: 300 }, { pngBytes: 0, mhtmlBytes: 800 }]);
    const base = await unzipAll(bytes);
    expect((await verifyPackage(bytes)).status).toBe('intact');

    const setManifest = async (files: Files, m: ManifestJson, fixSums: boolean) => {
      const mText = JSON.stringify(m, null, 2);
      files.set('manifest.json', bytesOf(mText));
      if (fixSums) files.set('SHA256SUMS', bytesOf(formatSha256Sums([...m.files, { path: 'manifest.json', sha256: await sha256Text(mText) }])));
    };
    const otherName = (files: Files, name: string) => {
      const variants = [
        `${name}.bak`,
        name.replace(/\.(\w+)$/, '-1.$1'),
        name.toUpperCase(),
        `captures/${name}`,
        name.replace(/[0-9a-f]/, (c) => (c === 'a' ? 'b' : 'a')),
      ];
      return variants.find((v) => v !== name && !files.has(v)) ?? `${name}~`;
    };

    const mutations: Record<string, (files: Files) => Promise<string>> = {
      flipByte: async (files) => {
        const name = pick([...files.keys()]);
        const data = new Uint8Array(files.get(name)!);
        const at = int(data.length);
        data[at] = (data[at] ?? 0) ^ (1 + int(255));
        files.set(name, data);
        return `flip byte ${at} of ${name}`;
      },
      remove: async (files) => {
        const name = pick([...files.keys()]);
        files.delete(name);
        return `remove ${name}`;
      },
      add: async (files) => {
        const name = otherName(files, pick([...files.keys()]));
        files.set(name, bytesOf(`added ${rand()}`));
        return `add ${name}`;
      },
      rename: async (files) => {
        const name = pick([...files.keys()]);
        const to = otherName(files, name);
        files.set(to, files.get(name)!);
        files.delete(name);
        return `rename ${name} to ${to}`;
      },
      manifestHash: async (files) => {
        const m = JSON.parse(text(files.get('manifest.json'))) as ManifestJson;
        const f = pick(m.files);
        f.sha256 = Array.from({ length: 64 }, () => '0123456789abcdef'[int(16)]).join('');
        const fix = rand() < 0.5;
        await setManifest(files, m, fix);
        return `manifest hash of ${f.path} (sums ${fix ? 'rewritten' : 'kept'})`;
      },
      manifestSize: async (files) => {
        const m = JSON.parse(text(files.get('manifest.json'))) as ManifestJson;
        const f = pick(m.files);
        f.bytes = Math.max(0, f.bytes + pick([-1, 1, 1000]));
        const fix = rand() < 0.5;
        await setManifest(files, m, fix);
        return `manifest size of ${f.path} (sums ${fix ? 'rewritten' : 'kept'})`;
      },
      manifestPath: async (files) => {
        const m = JSON.parse(text(files.get('manifest.json'))) as ManifestJson;
        const f = pick(m.files);
        const from = f.path;
        f.path = otherName(files, f.path);
        const fix = rand() < 0.5;
        await setManifest(files, m, fix);
        return `manifest path ${from} -> ${f.path} (sums ${fix ? 'rewritten' : 'kept'})`;
      },
      manifestCaptureField: async (files) => {
        const m = JSON.parse(text(files.get('manifest.json'))) as ManifestJson;
        const c = pick(m.captures) as Record<string, unknown> & {
          shop: Record<string, string>;
          price: Record<string, string>;
          verdict: Record<string, string>;
          files: string[];
        };
        const edits = [
          () => (c.title = `${String(c.title)} `),
          () => (c.url = 'https://item.taobao.com/item.htm?id=1'),
          () => (c.itemId = '1'),
          () => (c.capturedAt = '2026-11-22T17:00:03.500+08:00'),
          () => (c.shop.name = 'Acme官方旗舰店'),
          () => (c.price.lowest = '299.00'),
          () => (c.verdict.seller = 'authorized'),
          () => (c.warnings = []),
          () => c.files.pop(),
          () => (c.id = crypto.randomUUID()),
        ];
        const i = int(edits.length);
        edits[i]?.();
        await setManifest(files, m, false);
        return `manifest capture field edit #${i}`;
      },
    };

    const kinds = Object.keys(mutations);
    const started = Date.now();
    for (let run = 0; run < RUNS; run++) {
      const files: Files = new Map(base);
      const kind = pick(kinds);
      const what = await mutations[kind]!(files);
      const result = await verifyPackage(await zipAll(files));
      expect(result.status, `run ${run} (seed ${seed}): ${what}`).not.toBe('intact');
      expect(result.problems.length, `run ${run} (seed ${seed}): ${what}`).toBeGreaterThan(0);
    }
    console.log(`${RUNS} mutations in ${Date.now() - started} ms`);
  }, 60000);
});

describe('verifyPackage under random mutations of a sealed, stamped and signed package', () => {
  const SEALED_RUNS = 150;
  let tsa: TestTsa;
  beforeAll(async () => {
    tsa = await startTsa();
  }, 60_000);
  afterAll(() => tsa?.stop());

  // Whoever edits a sealed package may also recompute every hash and re-sign with their own
  // key; with --require-timestamps nothing of that may pass (exit 1 or 2).
  it(`fails each of ${SEALED_RUNS} random edits, even with hashes recomputed and the manifest re-signed`, async () => {
    const seed = Number(process.env.MUTATION_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log('sealed mutation seed', seed);
    const rand = seededRandom(seed);
    const int = (n: number) => Math.floor(rand() * n);
    const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
    const { bytes } = await makeSealedPackage([{ pngBytes: 400 }, { kind: 'chat', pngBytes: 200 }], { tsaUrl: tsa.url });
    const base = await unzipAll(bytes);
    const options = { trustedRoots: [tsa.caDer] };
    expect(exitCodeOf(await verifyPackage(bytes, options), true)).toBe(0);
    const trustFiles = [...base.keys()].filter((n) => /(seal\.json|seal\.tsr|signature\.json|signature\.tsr)$/.test(n));
    // signature.json's `created` and the certificate copies inside signature.tsr are under no
    // signature or hash (contract §6.3), so a flipped byte there need not change the verdict; the
    // signature's own tests (verify-trust.test.ts) cover swapped keys, other bytes and tokens.
    const unprotected = (name: string, op: string) => op === 'flip' && name.startsWith('signature.');
    const other = await makeSigner();

    for (let run = 0; run < SEALED_RUNS; run++) {
      const files: Files = new Map(base);
      // Half the edits aim at the seals, tokens and signature, the rest at any file.
      const name = rand() < 0.5 ? pick(trustFiles) : pick([...files.keys()]);
      const op = pick(['flip', 'remove', 'swap'] as const);
      if (unprotected(name, op)) continue;
      if (op === 'flip') {
        const data = new Uint8Array(files.get(name)!);
        const at = int(data.length);
        data[at] = (data[at] ?? 0) ^ (1 + int(255));
        files.set(name, data);
      } else if (op === 'remove') files.delete(name);
      else files.set(name, files.get(pick([...files.keys()].filter((n) => n !== name && text(files.get(n)) !== text(files.get(name)))))!);
      // Recomputing rewrites SHA256SUMS and re-signing the signature files: not when they are the edit.
      const recompute = name !== 'manifest.json' && name !== 'SHA256SUMS' && rand() < 0.6;
      if (recompute) {
        const m = JSON.parse(text(files.get('manifest.json'))) as ManifestJson;
        m.files = m.files.flatMap((f) => (files.has(f.path) ? [f] : []));
        for (const f of m.files) Object.assign(f, await fileFacts(files.get(f.path)!));
        await writeManifest(files, m);
        if (!name.startsWith('signature.') && rand() < 0.5) await signManifest(files, other, { name: 'x', org: '' }, tsa.url);
      }
      const what = `run ${run} (seed ${seed}): ${op} ${name}${recompute ? ', hashes recomputed' : ''}`;
      const result = await verifyPackage(await zipAll(files), options);
      expect(exitCodeOf(result, true), what).not.toBe(0);
    }
  }, 120_000);
});

async function fileFacts(data: Uint8Array): Promise<{ sha256: string; bytes: number }> {
  return { sha256: await sha256Bytes(data), bytes: data.byteLength };
}
