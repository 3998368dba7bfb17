import type { CustodyRecord } from '@/utils/db/database';
import { custodyEntryHash, GENESIS_HASH } from '@/utils/evidence/custody';
import { buildPackage, type BuildPackageInput } from '@/utils/export/build-package';
import { artifactReader, makeCapture, type MadeCapture, type MakeCaptureOptions } from '@/tests/helpers/make-capture';
import { sealPackage, type SealPackageOptions } from '@/tests/helpers/seal-package';

// A built evidence package over generated captures, for tests that verify or tamper with one.

export async function custodyFor(made: readonly MadeCapture[]): Promise<CustodyRecord[]> {
  const entries: CustodyRecord[] = [];
  for (const m of made) {
    for (const event of ['capture', 'export'] as const) {
      const prev = entries.at(-1);
      const body = {
        id: crypto.randomUUID(),
        seq: entries.length + 1,
        at: '2026-11-22T08:00:00.000Z',
        event,
        captureId: m.record.id,
        actor: '王调查',
        detail: `${event} <script>`,
      };
      entries.push({ ...body, prevHash: prev?.hash ?? GENESIS_HASH, hash: await custodyEntryHash({ ...body, prevHash: prev?.hash ?? GENESIS_HASH }) });
    }
  }
  return entries;
}

export async function makePackage(options: MakeCaptureOptions[] = [{}, { kind: 'chat' }], overrides: Partial<BuildPackageInput> = {}) {
  const made = await Promise.all(options.map((o) => makeCapture(o)));
  const input: BuildPackageInput = {
    captures: made.map((m) => m.record),
    readArtifact: artifactReader(made),
    custody: await custodyFor(made),
    custodyLinks: [], // the chain above holds every entry: nothing between them to link
    softwareVersion: '0.1.0',
    locale: 'zh-CN',
    createdAt: new Date('2026-11-22T08:00:00Z'),
    ...overrides,
  };
  const result = await buildPackage(input);
  return { made, input, result, bytes: new Uint8Array(await result.blob.arrayBuffer()) };
}

/** A package as the extension exports it with seals, tokens from `seal.tsaUrl` and a signature; captured just now. */
export async function makeSealedPackage(options: MakeCaptureOptions[] = [{}, { kind: 'chat' }], seal: SealPackageOptions = {}) {
  const capturedAt = new Date().toISOString();
  const built = await makePackage(options.map((o) => ({ capturedAt, ...o })));
  const sealed = await sealPackage(built.bytes, seal);
  return { ...built, bytes: sealed.bytes, signer: sealed.signer };
}
