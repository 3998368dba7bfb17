import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { verifyPackage, type VerifyResult } from '@/utils/export/verify-package';
import { bytesSource } from '@/utils/export/zip-reader/zip-source';
import { makePackage } from '@/tests/helpers/make-package';
import { unzipAll, bytesOf } from '@/tests/helpers/rezip';
import { craftZip, DOS_FOLDER_ATTR, UNIX_FOLDER_ATTR, type CraftEntry } from '@/tests/helpers/craft-zip';

// The crafted-package corpus (issue 13): each package is built byte by byte from a genuine one
// with one thing forged, and must never be found intact; its problem line names what is wrong.

const built = makePackage();

async function genuine(dataDescriptor = false): Promise<CraftEntry[]> {
  const files = await unzipAll((await built).bytes);
  return [...files].map(([name, data]) => ({ name, data, method: name.endsWith('.png') ? 0 : 8, dataDescriptor }));
}

const forged = bytesOf('<!doctype html><h1>Seller is authorized</h1>');

/** Replaces the entry named `name` through `change` (or drops it when `change` returns undefined). */
const replace = (entries: CraftEntry[], name: string, change: (e: CraftEntry) => CraftEntry | CraftEntry[] | undefined) =>
  entries.flatMap((e) => (e.name === name ? (change(e) ?? []) : [e]));

function expectRejected(v: VerifyResult, path: string, message: RegExp): void {
  expect(v.status).not.toBe('intact');
  expect(v.problems.filter((p) => p.path === path).map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
}

describe('strict zip reading: the genuine package', () => {
  it('is intact as built, and when rebuilt byte by byte with and without data descriptors', async () => {
    const { bytes } = await built;
    for (const zip of [bytes, craftZip(await genuine(false)), craftZip(await genuine(true))]) {
      const v = await verifyPackage(zip);
      expect(v.problems).toEqual([]);
      expect(v.status).toBe('intact');
    }
  });
});

describe('strict zip reading: each entry once', () => {
  it('reads the bytes of a 3 MB screenshot once, in bounded chunks', async () => {
    const { bytes, made } = await makePackage([{ pngBytes: 3_000_000 }]);
    const reads: [number, number][] = [];
    const source = bytesSource(bytes);
    const counting = { size: source.size, read: (offset: number, length: number) => (reads.push([offset, length]), source.read(offset, length)) };
    expect((await verifyPackage(counting)).status).toBe('intact');
    const name = `captures/${made[0]!.record.id}/viewport.png`;
    const start = Buffer.from(bytes).indexOf(Buffer.from(name)) + name.length; // its data follows its local header's name
    const overlap = reads.reduce((n, [o, l]) => n + Math.max(0, Math.min(o + l, start + 3_000_000) - Math.max(o, start)), 0);
    expect(overlap).toBeGreaterThanOrEqual(3_000_000);
    expect(overlap).toBeLessThan(3_000_000 + 2 * 64 * 1024); // at most a header window's worth more
    expect(Math.max(...reads.map(([, l]) => l))).toBeLessThanOrEqual(1024 * 1024);
  });
});

describe('strict zip reading: crafted packages', () => {
  it('rejects a duplicate name, the forged copy first or second', async () => {
    for (const forgedFirst of [true, false]) {
      const entries = replace(await genuine(), 'report.html', (e) => (forgedFirst ? [{ ...e, data: forged }, e] : [e, { ...e, data: forged }]));
      expectRejected(await verifyPackage(craftZip(entries)), 'report.html', /appears 2 times in the zip/);
    }
  });

  it('rejects a local header whose name differs from the central one, both ways', async () => {
    const localForged = replace(await genuine(), 'report.html', (e) => ({ ...e, localName: 'report.htm!' }));
    expectRejected(await verifyPackage(craftZip(localForged)), 'report.html', /local header names it "report.htm!"/);
    // The central directory names an unlisted file while a streaming reader sees report.html.
    const centralForged = [...(await genuine()), { name: 'notes.html', localName: 'report.html', data: forged }];
    expectRejected(await verifyPackage(craftZip(centralForged)), 'notes.html', /local header names it "report.html"/);
  });

  it('rejects a local header whose CRC, sizes or method differ from the central one', async () => {
    const cases: [Partial<CraftEntry>, RegExp][] = [
      [{ local: { crc: 1234 } }, /CRC differs between the local header \(1234\)/],
      [{ local: { size: 7 } }, /size differs between the local header \(7\)/],
      [{ local: { method: 0 } }, /compression method differs/],
      [{ dataDescriptor: true, descriptor: { crc: 99 } }, /data descriptor \(CRC 99, .*\) differs from the central directory/],
    ];
    for (const [change, message] of cases) {
      const entries = replace(await genuine(), 'report.html', (e) => ({ ...e, ...change }));
      expectRejected(await verifyPackage(craftZip(entries)), 'report.html', message);
    }
  });

  it('rejects an entry marked as a folder that holds a forged report.html', async () => {
    const dos = replace(await genuine(), 'report.html', (e) => [{ ...e, data: forged, externalAttr: DOS_FOLDER_ATTR }, e]);
    const v = await verifyPackage(craftZip(dos));
    expectRejected(v, 'report.html', /marked as a folder \(the DOS folder attribute\) but holds data/);
    expectRejected(v, 'report.html', /marked as a folder .* but its name has no trailing \//);
    const unix = [...(await genuine()), { name: 'captures/', data: forged, externalAttr: UNIX_FOLDER_ATTR }];
    expectRejected(await verifyPackage(craftZip(unix)), 'captures/', /marked as a folder \(the unix folder mode and a trailing \/\) but holds data/);
    const noSlash = [...(await genuine()), { name: 'captures', data: new Uint8Array(0), method: 0, externalAttr: DOS_FOLDER_ATTR }];
    expectRejected(await verifyPackage(craftZip(noSlash)), 'captures', /its name has no trailing \//);
  });

  it('rejects names that climb out, are absolute, use backslashes or drive letters, or are not ASCII', async () => {
    const cases: [string | Uint8Array, string, RegExp][] = [
      ['../report.html', '../report.html', /climbs out of the package/],
      ['captures/../../report.html', 'captures/../../report.html', /climbs out of the package/],
      ['/report.html', '/report.html', /absolute/],
      ['captures\\report.html', 'captures\\x5creport.html', /backslash/],
      ['C:report.html', 'C:report.html', /drive letter/],
      ['报告.html', '\\xe6\\x8a\\xa5\\xe5\\x91\\x8a.html', /not printable ASCII/],
    ];
    for (const [name, shown, message] of cases) {
      const v = await verifyPackage(craftZip([...(await genuine()), { name, data: forged }]));
      expectRejected(v, shown, message);
    }
  });

  it('stops a bomb at the size the manifest declares, within a second', async () => {
    const bomb = new Uint8Array(256 * 1024 * 1024); // 256 MiB of zeros deflate to about 256 KB
    const compressed = deflateRawSync(bomb, { level: 9 });
    const entries = replace(await genuine(), 'report.html', (e) => ({ ...e, data: bomb, compressed }));
    const zip = craftZip(entries);
    const started = performance.now();
    const v = await verifyPackage(zip);
    const seconds = (performance.now() - started) / 1000;
    console.log(`bomb of ${compressed.byteLength} bytes (256 MiB inflated) refused in ${seconds.toFixed(3)} s`);
    expect(seconds).toBeLessThan(1);
    expectRejected(v, 'report.html', /inflates beyond the \d+ bytes manifest.json declares: stopped reading it there/);
    // Headers that lie about the size do not help: the stream stops at their claim too.
    const lying = replace(await genuine(), 'report.html', (e) => ({
      ...e,
      data: bomb,
      compressed,
      central: { size: e.data.byteLength, crc: 0 },
      local: { size: e.data.byteLength, crc: 0 },
    }));
    expectRejected(await verifyPackage(craftZip(lying)), 'report.html', /inflates beyond/);
  }, 30000);

  it('refuses more entries than the cap before reading any of them', async () => {
    const many = Array.from({ length: 50_001 }, (_, i) => ({ name: `f${i}`, data: new Uint8Array(0), method: 0 }));
    const entries = [...(await genuine()), ...many];
    const v = await verifyPackage(craftZip(entries));
    expect(v.status).toBe('unreadable');
    expect(v.problems).toContainEqual({ path: '(package)', message: `${entries.length} entries, more than the 50000 this verifier reads` });
  });

  it('rejects an entry the manifest does not list, and bytes no entry accounts for', async () => {
    expectRejected(await verifyPackage(craftZip([...(await genuine()), { name: 'notes.txt', data: forged }])), 'notes.txt', /not listed in manifest.json/);
    expectRejected(await verifyPackage(craftZip(await genuine(), { prefix: forged })), 'manifest.json', /\d+ bytes before it that no entry accounts for/);
  });

  it('calls zip64 and a damaged central directory unreadable, naming the reason', async () => {
    const zip64 = await verifyPackage(craftZip(await genuine(), { end: { count: 0xffff } }));
    expect(zip64).toMatchObject({ status: 'unreadable', problems: [{ path: '(package)', message: expect.stringContaining('zip64') }] });
    const shifted = await verifyPackage(craftZip(await genuine(), { end: { cdOffset: 10 } }));
    expect(shifted.status).toBe('unreadable');
    expect(shifted.problems[0]?.message).toMatch(/does not end where the end record is/);
  });
});
