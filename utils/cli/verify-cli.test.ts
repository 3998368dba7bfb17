import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makePackage, makeSealedPackage } from '@/tests/helpers/make-package';
import { startTsa } from '@/tests/harness/tsa-server';
import { bytesOf, rezip, unzipAll } from '@/tests/helpers/rezip';
import { craftZip } from '@/tests/helpers/craft-zip';

// `npm run verify -- <zip>` as a user runs it (node --import tsx, as the package script does).

const dir = mkdtempSync(join(tmpdir(), 'lp-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function verify(name: string, bytes?: Uint8Array, flags: string[] = []) {
  const path = join(dir, name);
  if (bytes) writeFileSync(path, bytes);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'utils/cli/verify-cli.ts', path, ...flags], { encoding: 'utf8' });
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

    // Read strictly from disk: a second report.html that other tools would extract is tampering.
    const entries = [...(await unzipAll(bytes))].map(([name, data]) => ({ name, data }));
    const doubled = verify('doubled.zip', craftZip([...entries, { name: 'report.html', data: bytesOf('<h1>forged</h1>') }]));
    expect(doubled.code).toBe(1);
    expect(doubled.lines).toContain(`✗ report.html: appears 2 times in the zip (entries 3, ${entries.length + 1}); tools differ on which one they extract`);
    const climbing = verify('climbing.zip', craftZip([...entries, { name: '../report.html', data: bytesOf('x') }]));
    expect(climbing.code).toBe(1);
    expect(climbing.lines).toContain('✗ ../report.html: the name climbs out of the package (..)');

    expect(verify('not.zip', bytesOf('hello')).code).toBe(2);
    expect(verify('missing.zip').code).toBe(2);
    expect(verify('no-manifest.zip', await rezip(bytes, (f) => void f.delete('manifest.json'))).code).toBe(2);
  }, 60000);

  it('checks tokens against --trust roots, prints trusted times and the key id, and honours --require-timestamps', async () => {
    const tsa = await startTsa();
    try {
      const { bytes, signer, made } = await makeSealedPackage([{}], { tsaUrl: tsa.url });
      const trusted = verify('sealed.zip', bytes, ['--trust', tsa.caPemFile, '--require-timestamps']);
      expect(trusted.stderr).toBe('');
      expect(trusted.code).toBe(0);
      expect(trusted.lines.some((l) => l.startsWith(`capture ${made[0]!.record.id}: trusted time 20`) && l.includes(`(TSA ${tsa.url})`))).toBe(true);
      expect(trusted.lines.some((l) => l.startsWith('signature: valid, key id ' + signer.keyId))).toBe(true);

      const untrusted = verify('sealed.zip', undefined, ['--trust', tsa.untrustedCaPemFile]);
      expect(untrusted.code).toBe(0);
      expect(untrusted.lines.some((l) => l.startsWith('⚠ ') && l.includes('does not chain to a trusted root'))).toBe(true);
      expect(verify('sealed.zip', undefined, ['--require-timestamps']).code).toBe(1);

      const old = await makePackage([{}]);
      expect(verify('old.zip', old.bytes).code).toBe(0);
      expect(verify('old.zip', undefined, ['--require-timestamps']).code).toBe(1);
      expect(verify('old.zip', undefined, ['--trust', join(dir, 'old.zip')]).code).toBe(2);
    } finally {
      await tsa.stop();
    }
  }, 90000);
});
