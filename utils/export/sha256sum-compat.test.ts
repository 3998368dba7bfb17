import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makePackage } from '@/tests/helpers/make-package';

// The package as other tools see it: unpacked by Python's zipfile (an independent zip reader)
// and checked by coreutils `sha256sum -c`, as report.html tells a reader to do.

const dir = mkdtempSync(join(tmpdir(), 'lp-sums-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hasPython = spawnSync('python3', ['--version']).status === 0;

describe('a built package and standard tools', () => {
  it.skipIf(!hasPython)('unpacks with another zip reader and passes sha256sum -c, manifest.json included', async () => {
    const { bytes, result } = await makePackage([{ pngBytes: 50000, mhtmlBytes: 20000 }, { kind: 'chat' }, { pngBytes: 0 }]);
    const zipPath = join(dir, 'package.zip');
    writeFileSync(zipPath, bytes);
    const out = join(dir, 'out');
    execFileSync('python3', ['-m', 'zipfile', '-e', zipPath, out]);
    const check = spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const ok = check.stdout.trim().split('\n');
    expect(ok).toHaveLength(result.manifest.files.length + 1);
    expect(ok.every((l) => l.endsWith(': OK'))).toBe(true);
    expect(ok).toContain('manifest.json: OK');

    writeFileSync(join(out, 'report.html'), 'changed');
    const bad = spawnSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('report.html: FAILED');
  });
});
