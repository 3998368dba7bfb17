import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPackage } from '@/utils/export/verify-package';
import { makePackage } from '@/tests/helpers/make-package';

// What the verifier checked is what other tools would extract: Info-ZIP's `unzip -l` (Debian's
// unzip; .ci/run installs it) and Python's zipfile list the same entries for a genuine package.

const dir = mkdtempSync(join(tmpdir(), 'lp-listing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The names column of `unzip -l`: rows between the two dashed lines. */
function unzipList(path: string): string[] {
  const lines = execFileSync('unzip', ['-l', path], { encoding: 'utf8' }).split('\n');
  const dashes = lines.flatMap((l, i) => (/^-{5,}/.test(l) ? [i] : []));
  return lines.slice(dashes[0]! + 1, dashes[1]).map((l) => /^\s*\d+\s+\S+\s+\S+\s+(.*)$/.exec(l)?.[1] ?? `unparsed: ${l}`);
}

function pythonList(path: string): string[] {
  const script = 'import sys, zipfile\nfor n in zipfile.ZipFile(sys.argv[1]).namelist(): print(n)';
  return execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }).trimEnd().split('\n');
}

describe('the verifier lists what unzip and Python list', () => {
  it('for a genuine package, name for name and in order', async () => {
    const { bytes } = await makePackage();
    const path = join(dir, 'genuine.zip');
    writeFileSync(path, bytes);
    const v = await verifyPackage(bytes);
    expect(v.status).toBe('intact');
    expect(v.entries?.length).toBeGreaterThan(10);
    expect(unzipList(path)).toEqual(v.entries);
    expect(pythonList(path)).toEqual(v.entries);
    expect(v.files.map((f) => f.path).sort()).toEqual([...(v.entries ?? [])].sort());
  });
});
