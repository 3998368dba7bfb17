import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { manifestSchema } from '@/utils/model/manifest';
import { sha256Bytes } from '@/utils/export/digest';
import { ArtifactIntegrityError, type ExportProgress } from '@/utils/export/build-package';
import { packageFileName } from '@/utils/export/package-name';
import { parseSha256Sums } from '@/utils/export/sha256sums';
import { makePackage } from '@/tests/helpers/make-package';

describe('buildPackage', () => {
  it('writes the contract layout: manifest, SHA256SUMS, report, custody and every artifact', async () => {
    const { made, bytes, result } = await makePackage();
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).sort();
    const manifest = manifestSchema.parse(JSON.parse(await zip.file('manifest.json')!.async('string')));
    expect(manifest).toEqual(result.manifest);
    expect(manifest.format).toBe('listingproof-evidence');
    expect(manifest.formatVersion).toBe(1);
    expect(manifest.software).toEqual({ name: 'listingproof', version: '0.1.0' });
    expect(manifest.captures.map((c) => c.id)).toEqual(made.map((m) => m.record.id));
    // Every file but manifest.json and SHA256SUMS is listed, and every listed file is there.
    expect(names.filter((n) => n !== 'manifest.json' && n !== 'SHA256SUMS')).toEqual(manifest.files.map((f) => f.path).sort());
    expect(names).toContain('report.html');
    expect(names).toContain('custody.json');
    for (const n of names) expect(n).toMatch(/^[\x21-\x7e]+$/);
    for (const f of manifest.files) {
      const data = await zip.file(f.path)!.async('uint8array');
      expect(data.byteLength).toBe(f.bytes);
      expect(await sha256Bytes(data)).toBe(f.sha256);
    }
    const capture = manifest.captures[0]!;
    expect(capture.files).toContain(`captures/${capture.id}/viewport.png`);
    expect(capture.capturedAt).toMatch(/\+08:00$/);
    expect(manifest.custody).toMatchObject({ path: 'custody.json', entries: 4, headSeq: 4 });
  });

  it('writes SHA256SUMS sorted, LF, two spaces, with manifest.json included', async () => {
    const { bytes, result } = await makePackage();
    const zip = await JSZip.loadAsync(bytes);
    const text = await zip.file('SHA256SUMS')!.async('string');
    const parsed = parseSha256Sums(text);
    expect(parsed.problems).toEqual([]);
    const paths = parsed.lines.map((l) => l.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toEqual([...result.manifest.files.map((f) => f.path), 'manifest.json'].sort());
    const manifestLine = parsed.lines.find((l) => l.path === 'manifest.json');
    expect(manifestLine?.sha256).toBe(await sha256Bytes(await zip.file('manifest.json')!.async('uint8array')));
  });

  it('stores compressed media and deflates text', async () => {
    const { bytes } = await makePackage([{ pngBytes: 20000, mhtmlBytes: 50000 }]);
    const zip = await JSZip.loadAsync(bytes);
    const method = (suffix: string) => {
      const file = Object.values(zip.files).find((f) => f.name.endsWith(suffix)) as unknown as { _data: { compression: { magic: string } } };
      return file._data.compression.magic;
    };
    expect(method('viewport.png')).toBe('\x00\x00'); // STORE
    expect(method('page.mhtml')).toBe('\x08\x00'); // DEFLATE
    expect(method('report.html')).toBe('\x08\x00');
    expect(bytes.byteLength).toBeLessThan(20000 + 50000);
  });

  it('refuses when a stored artifact no longer matches its capture-time hash, naming the file', async () => {
    const build = makePackage([{}], {
      readArtifact: async (_id, path) => (path === 'page.mhtml' ? new Blob(['changed page']) : new Blob([new Uint8Array(4096)])),
    });
    await expect(build).rejects.toBeInstanceOf(ArtifactIntegrityError);
    await expect(build).rejects.toThrow(/captures\/[0-9a-f-]+\/viewport\.png/);
  });

  it('refuses a same-size change and a missing blob', async () => {
    const made = await makePackage([{}]);
    const id = made.made[0]!.record.id;
    const flipped = new Uint8Array(made.made[0]!.bytes.get('listing.json')!);
    flipped[3] = (flipped[3] ?? 0) ^ 1;
    const reader = (skip: string, replacement?: Uint8Array) => async (cid: string, path: string) =>
      path === skip ? replacement : made.made[0]!.bytes.get(path);
    await expect(makePackage([{ id }], { captures: made.input.captures, readArtifact: reader('listing.json', flipped) })).rejects.toThrow(
      `captures/${id}/listing.json: stored bytes no longer match`,
    );
    await expect(makePackage([{ id }], { captures: made.input.captures, readArtifact: reader('tiny.png') })).rejects.toThrow(
      `captures/${id}/tiny.png: the stored file is missing`,
    );
  });

  it('refuses unsafe artifact paths', async () => {
    const made = await makePackage([{}]);
    const record = { ...made.input.captures[0]!, artifacts: [{ ...made.input.captures[0]!.artifacts[0]!, path: '../../evil.png' }] };
    await expect(makePackage([{}], { captures: [record] })).rejects.toThrow(/not a safe ASCII path/);
  });

  it('reports progress up to every file and byte', async () => {
    const seen: ExportProgress[] = [];
    const { result } = await makePackage([{ pngBytes: 100000 }, {}], { onProgress: (p) => seen.push(p) });
    const last = seen.at(-1)!;
    expect(last.filesDone).toBe(last.filesTotal);
    expect(last.filesTotal).toBe(result.manifest.files.length + 2);
    expect(last.bytesDone).toBe(last.bytesTotal);
    expect(seen.map((p) => p.filesDone)).toEqual([...seen.map((p) => p.filesDone)].sort((a, b) => a - b));
  });

  it('builds an empty selection and a package from Uint8Array artifacts', async () => {
    const { result } = await makePackage([]);
    expect(result.manifest.captures).toEqual([]);
    const made = await makePackage([{}], {});
    const raw = await makePackage([{}], {
      captures: made.input.captures,
      custody: made.input.custody,
      readArtifact: async (_c, p) => made.made[0]!.bytes.get(p),
    });
    expect(raw.result.manifest.files).toEqual(made.result.manifest.files);
  });
});

describe('packageFileName', () => {
  const date = new Date(2026, 10, 22, 9, 5);
  it('is ASCII with the local date and time', () => {
    expect(packageFileName('Case 12: Acme 旗舰店', date)).toBe('listingproof-case-12-acme-20261122-0905.zip');
    expect(packageFileName('淘宝店铺', date)).toBe('listingproof-selection-20261122-0905.zip');
    expect(packageFileName('../../etc/passwd', date)).toBe('listingproof-etc-passwd-20261122-0905.zip');
    expect(packageFileName('Ｃａｆé', date)).toBe('listingproof-cafe-20261122-0905.zip');
  });
});
