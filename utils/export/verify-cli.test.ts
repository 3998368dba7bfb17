import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makePackage } from '@/tests/helpers/make-package';
import { bytesOf, rezip } from '@/tests/helpers/rezip';

// `npm run verify -- <zip>` as a user runs it (node --import tsx, as the package script does).

const dir = mkdtempSync(join(tmpdir(), 'lp-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function verify(name: string, bytes?: Uint8Array) {
  const path = join(dir, name);
  if (bytes) writeFileSync(path, bytes);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'utils/cli/verify-cli.ts', path], { encoding: 'utf8' });
  return { code: run.status, lines: run.stdout.trim().split('\n'), stderr: run.stderr };
}

describe('npm run verify', () => {
  it('exits 0 / 1 / 2 for intact, tampered and unreadable, naming each bad file', async () => {
    const { bytes, made } = await makePackage([{}]);
    const intact = verify('ok.zip', bytes);
    expect(intact.stderr).toBe('');
    expect(intact.code).toBe(0);
    expect(intact.lines.some((l) => l.startsWith('intact: '))).toBe(true);

    const path = `captures/${made[0]!.record.id}/page.mhtml`;
    const tampered = verify('bad.zip', await rezip(bytes, (f) => void f.set(path, bytesOf('x'))));
    expect(tampered.code).toBe(1);
    expect(tampered.lines.filter((l) => l.startsWith(`✗ ${path}: `)).length).toBeGreaterThan(0);
    expect(tampered.lines.some((l) => l.startsWith('tampered: '))).toBe(true);

    expect(verify('not.zip', bytesOf('hello')).code).toBe(2);
    expect(verify('missing.zip').code).toBe(2);
    expect(verify('no-manifest.zip', await rezip(bytes, (f) => void f.delete('manifest.json'))).code).toBe(2);
  }, 60000);
});
