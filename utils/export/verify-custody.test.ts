import { describe, expect, it } from 'vitest';
import { sha256Bytes, sha256Text } from '@/utils/export/digest';
import { formatSha256Sums } from '@/utils/export/sha256sums';
import { verifyPackage } from '@/utils/export/verify-package';
import { makePackage } from '@/tests/helpers/make-package';
import { bytesOf, rezip, text, unzipAll } from '@/tests/helpers/rezip';

// The custody chain in a package must run to the head the manifest names, without a gap. Each
// forgery below rewrites custody.json, manifest.json and SHA256SUMS consistently, as someone
// with the unpacked package would, so only the chain itself can give it away.

type Link = { seq: number; prevHash: string; hash: string };
type Log = { head: { seq: number; hash: string }; entries: (Link & Record<string, unknown>)[]; links?: Link[] };
type Manifest = { files: { path: string; sha256: string; bytes: number }[]; custody: { entries: number; headSeq: number; headHash: string } };

const built = makePackage();

async function forgeCustody(edit: (log: Log, manifest: Manifest) => void): Promise<Uint8Array> {
  return rezip((await built).bytes, async (files) => {
    const log = JSON.parse(text(files.get('custody.json'))) as Log;
    const manifest = JSON.parse(text(files.get('manifest.json'))) as Manifest;
    edit(log, manifest);
    const logBytes = bytesOf(JSON.stringify(log));
    files.set('custody.json', logBytes);
    Object.assign(
      manifest.files.find((f) => f.path === 'custody.json')!,
      { sha256: await sha256Bytes(logBytes), bytes: logBytes.byteLength },
    );
    Object.assign(manifest.custody, { entries: log.entries.length, headSeq: log.head.seq, headHash: log.head.hash });
    const manifestText = JSON.stringify(manifest);
    files.set('manifest.json', bytesOf(manifestText));
    files.set('SHA256SUMS', bytesOf(formatSha256Sums([...manifest.files, { path: 'manifest.json', sha256: await sha256Text(manifestText) }])));
  });
}

const custodyProblems = async (zip: Uint8Array) => (await verifyPackage(zip)).problems.filter((p) => p.path === 'custody.json').map((p) => p.message);

describe('the custody chain in a package', () => {
  it('is complete in a built package: entries plus links run to the head', async () => {
    const { bytes } = await built;
    const log = JSON.parse(text((await unzipAll(bytes)).get('custody.json'))) as Log;
    expect(log.links).toEqual([]);
    expect(log.head.seq).toBe(log.entries.at(-1)?.seq);
    expect((await verifyPackage(bytes)).status).toBe('intact');
  });

  it('flags an entry removed from the middle as a gap', async () => {
    const zip = await forgeCustody((log) => void log.entries.splice(1, 1));
    expect(await custodyProblems(zip)).toContain('entries 2 to 2 are missing: a gap in the custody chain');
  });

  it('flags an entry replaced by a bare link whose hash does not fit', async () => {
    const zip = await forgeCustody((log) => {
      const [removed] = log.entries.splice(1, 1);
      log.links = [{ seq: removed!.seq, prevHash: removed!.prevHash, hash: 'f'.repeat(64) }];
    });
    expect(await custodyProblems(zip)).toContain("entry 3 does not link to entry 2 (its prevHash differs from that entry's hash)");
  });

  it('flags a head that the chain does not reach, or whose hash differs', async () => {
    const beyond = await forgeCustody((log) => void (log.head = { seq: log.head.seq + 1, hash: 'a'.repeat(64) }));
    expect(await custodyProblems(beyond)).toContain('the chain ends at entry 4, but its head is entry 5');
    const otherHash = await forgeCustody((log) => void (log.head = { ...log.head, hash: 'a'.repeat(64) }));
    expect(await custodyProblems(otherHash)).toContain("the head's hash differs from entry 4's");
  });

  it('flags a head in custody.json that differs from the manifest', async () => {
    const { bytes } = await built;
    const zip = await rezip(bytes, (files) => {
      const log = JSON.parse(text(files.get('custody.json'))) as Log;
      log.head.seq += 1;
      files.set('custody.json', bytesOf(JSON.stringify(log)));
    });
    expect(await custodyProblems(zip)).toContain('its head differs from the one in manifest.json');
  });

  it('checks what it can in a package from before links: nothing beyond the head', async () => {
    const older = await forgeCustody((log) => {
      delete log.links;
      log.entries.splice(1, 1); // a gap cannot be told from another capture's entry here
    });
    expect(await custodyProblems(older)).toEqual([]);
    const pastHead = await forgeCustody((log) => {
      delete log.links;
      log.head = { seq: 3, hash: log.entries[2]!.hash };
    });
    expect(await custodyProblems(pastHead)).toContain('entry 4 is newer than the head (entry 3)');
  });
});
