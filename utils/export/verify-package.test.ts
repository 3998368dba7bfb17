import { describe, expect, it } from 'vitest';
import { sha256Bytes, sha256Text } from '@/utils/export/digest';
import { manifestDigest } from '@/utils/export/manifest-digest';
import { formatSha256Sums } from '@/utils/export/sha256sums';
import { verifyPackage } from '@/utils/export/verify-package';
import { makePackage } from '@/tests/helpers/make-package';
import { bytesOf, rezip, text, zipAll } from '@/tests/helpers/rezip';

const built = makePackage();

/** Rewrites manifest.json through `edit` and keeps SHA256SUMS consistent with it when `fixSums`. */
async function editManifest(edit: (m: Record<string, unknown> & { files: { path: string; sha256: string; bytes: number }[] }) => void, fixSums = false) {
  const { bytes } = await built;
  return rezip(bytes, async (files) => {
    const m = JSON.parse(text(files.get('manifest.json')));
    edit(m);
    const mText = JSON.stringify(m, null, 2);
    files.set('manifest.json', bytesOf(mText));
    if (fixSums) files.set('SHA256SUMS', bytesOf(formatSha256Sums([...m.files, { path: 'manifest.json', sha256: await sha256Text(mText) }])));
  });
}

describe('verifyPackage', () => {
  it('finds a built package intact, with every file checked', async () => {
    const { bytes, result } = await built;
    const v = await verifyPackage(bytes);
    expect(v.problems).toEqual([]);
    expect(v.status).toBe('intact');
    expect(v.files.map((f) => f.path).sort()).toEqual(['SHA256SUMS', 'manifest.json', ...result.manifest.files.map((f) => f.path)].sort());
    expect(v.files.every((f) => f.ok)).toBe(true);
    expect(v.manifestDigest).toBe(await manifestDigest(JSON.parse(result.manifestText)));
  });

  it('finds an intact package after unpacking and repacking it', async () => {
    const { bytes } = await built;
    expect((await verifyPackage(await rezip(bytes, () => undefined))).status).toBe('intact');
  });

  it('names a changed file', async () => {
    const { bytes, made } = await built;
    const path = `captures/${made[0]!.record.id}/listing.json`;
    const v = await verifyPackage(await rezip(bytes, (f) => void f.set(path, bytesOf('{"title":"other"}'))));
    expect(v.status).toBe('tampered');
    expect(v.problems.map((p) => p.path)).toContain(path);
    expect(v.files.find((f) => f.path === path)?.ok).toBe(false);
  });

  it('names a missing, an extra and a renamed file', async () => {
    const { bytes, made } = await built;
    const id = made[0]!.record.id;
    const gone = await verifyPackage(await rezip(bytes, (f) => void f.delete(`captures/${id}/tiny.png`)));
    expect(gone.problems).toContainEqual({ path: `captures/${id}/tiny.png`, message: 'listed in manifest.json but missing from the package' });
    const extra = await verifyPackage(await rezip(bytes, (f) => void f.set('notes.txt', bytesOf('x'))));
    expect(extra.problems).toContainEqual({ path: 'notes.txt', message: 'in the package but not listed in manifest.json' });
    const renamed = await verifyPackage(
      await rezip(bytes, (f) => {
        f.set(`captures/${id}/evidence.png`, f.get(`captures/${id}/viewport.png`)!);
        f.delete(`captures/${id}/viewport.png`);
      }),
    );
    expect(renamed.status).toBe('tampered');
    expect(renamed.problems.find((p) => p.path === `captures/${id}/evidence.png`)?.message).toContain(`content of captures/${id}/viewport.png`);
  });

  it('catches manifest edits even when SHA256SUMS is rewritten to match', async () => {
    const wrongHash = await editManifest((m) => void (m.files[2]!.sha256 = '0'.repeat(64)), true);
    expect((await verifyPackage(wrongHash)).problems.some((p) => p.message.startsWith('SHA-256 is'))).toBe(true);
    const wrongSize = await editManifest((m) => void (m.files[2]!.bytes += 1), true);
    expect((await verifyPackage(wrongSize)).problems.some((p) => p.message.startsWith('size is'))).toBe(true);
    const dropped = await editManifest((m) => void m.files.pop(), true);
    expect((await verifyPackage(dropped)).problems.some((p) => p.message.includes('not listed in manifest.json'))).toBe(true);
  });

  it('catches a capture field edited in the manifest through the SHA256SUMS line of manifest.json', async () => {
    const edited = await editManifest((m) => void ((m.captures as { title: string }[])[0]!.title = 'other'));
    const v = await verifyPackage(edited);
    expect(v.status).toBe('tampered');
    expect(v.problems.map((p) => p.path)).toContain('manifest.json');
  });

  it('rejects a malformed manifest and a malformed SHA256SUMS as tampered', async () => {
    const { bytes } = await built;
    const notJson = await verifyPackage(await rezip(bytes, (f) => void f.set('manifest.json', bytesOf('{"format": "listingproof-evidence",'))));
    expect(notJson.status).toBe('tampered');
    const badShape = await editManifest((m) => void (m.captures = 'none'));
    expect((await verifyPackage(badShape)).problems.some((p) => p.message.includes('not well-formed at captures'))).toBe(true);
    const badSums = await verifyPackage(await rezip(bytes, (f) => void f.set('SHA256SUMS', bytesOf(text(f.get('SHA256SUMS')).replace('  ', ' ')))));
    expect(badSums.problems.some((p) => p.path === 'SHA256SUMS' && p.message.startsWith('line 1'))).toBe(true);
    const noSums = await verifyPackage(await rezip(bytes, (f) => void f.delete('SHA256SUMS')));
    expect(noSums.problems).toContainEqual({ path: 'SHA256SUMS', message: 'missing from the package' });
  });

  it('checks custody.json against the manifest and its own hashes', async () => {
    const { bytes } = await built;
    // A consistent forgery of custody.json (manifest and SHA256SUMS updated too) still breaks the entry hashes.
    const forged = await rezip(bytes, async (f) => {
      const log = JSON.parse(text(f.get('custody.json')));
      log.entries[1].actor = 'someone else';
      const logBytes = bytesOf(JSON.stringify(log));
      f.set('custody.json', logBytes);
      const m = JSON.parse(text(f.get('manifest.json')));
      const entry = m.files.find((x: { path: string }) => x.path === 'custody.json');
      Object.assign(entry, { sha256: await sha256Bytes(logBytes), bytes: logBytes.byteLength });
      const mText = JSON.stringify(m);
      f.set('manifest.json', bytesOf(mText));
      f.set('SHA256SUMS', bytesOf(formatSha256Sums([...m.files, { path: 'manifest.json', sha256: await sha256Text(mText) }])));
    });
    const v = await verifyPackage(forged);
    expect(v.problems).toContainEqual({ path: 'custody.json', message: 'entry 2: hash does not match the entry' });
  });

  it('checks that a signature covers this manifest', async () => {
    const sig = { type: 'rfc3161-timestamp', digestAlgorithm: 'sha-256', digest: 'a'.repeat(64), token: 'AA==' };
    const wrong = await editManifest((m) => void (m.signatures = [sig]), true);
    expect((await verifyPackage(wrong)).problems.some((p) => p.message.includes('signatures[0]'))).toBe(true);
    const { result } = await built;
    const digest = await manifestDigest(JSON.parse(result.manifestText));
    const right = await editManifest((m) => void (m.signatures = [{ ...sig, digest }]), true);
    const v = await verifyPackage(right);
    expect(v.status).toBe('intact');
    expect(v.manifestDigest).toBe(digest); // adding a signature does not change what it covers
  });

  it('calls what is not a package unreadable', async () => {
    expect((await verifyPackage(bytesOf('not a zip at all'))).status).toBe('unreadable');
    expect((await verifyPackage(new Uint8Array())).status).toBe('unreadable');
    const { bytes } = await built;
    expect((await verifyPackage(bytes.slice(0, bytes.length - 30))).status).toBe('unreadable');
    const noManifest = await verifyPackage(await rezip(bytes, (f) => void f.delete('manifest.json')));
    expect(noManifest).toMatchObject({ status: 'unreadable', problems: [{ message: 'no manifest.json: not an evidence package' }] });
    const extension = await zipAll(new Map([['manifest.json', bytesOf('{"manifest_version":3}')]]));
    expect((await verifyPackage(extension)).status).toBe('unreadable');
    const future = await editManifest((m) => void (m.formatVersion = 2));
    expect((await verifyPackage(future)).status).toBe('unreadable');
  });
});
