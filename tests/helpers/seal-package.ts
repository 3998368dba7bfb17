import { sha256Bytes, sha256Text } from '@/utils/export/digest';
import { formatSha256Sums } from '@/utils/export/sha256sums';
import type { Artifact, CaptureRecord } from '@/utils/model/capture';
import type { CaptureTimestamp } from '@/utils/model/trust';
import { sealOf, sealText } from '@/utils/trust/seal';
import { bytesToBase64, sha256 } from '@/utils/trust/bytes';
import { requestTimestamp } from '@/utils/trust/tsp-client';
import { text, unzipAll, zipAll } from '@/tests/helpers/rezip';

// Turns a built package into a sealed and signed one (contract §6.3) the way the extension's
// export lays it out: seal.json per capture (built by the extension's own sealOf), seal.tsr from
// a real TSA, the manifest's timestamp entries, SHA256SUMS, then signature.json and signature.tsr.

export interface Signer {
  pair: CryptoKeyPair;
  spki: Uint8Array;
  keyId: string;
}

export interface SealPackageOptions {
  /** the TSA that stamps seals and the signature; without one every capture stays pending */
  tsaUrl?: string;
  /** captures left without a token (pending) */
  unstamped?: readonly string[];
  /** who signs; a fresh P-256 key when not given */
  signer?: Signer;
  /** leave signature.json out */
  unsigned?: boolean;
  investigator?: { name: string; org: string };
}

type ManifestJson = {
  files: { path: string; sha256: string; bytes: number; mediaType: string }[];
  captures: (Record<string, unknown> & { id: string; files: string[] })[];
};

export async function makeSigner(): Promise<Signer> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return { pair, spki, keyId: await sha256Bytes(spki) };
}

/** signature.json over these exact manifest bytes, and signature.tsr when a TSA is given. */
export async function signManifest(
  files: Map<string, Uint8Array>,
  signer: Signer,
  investigator: { name: string; org: string },
  tsaUrl?: string,
): Promise<void> {
  const manifestBytes = files.get('manifest.json')!;
  const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, signer.pair.privateKey, manifestBytes as Uint8Array<ArrayBuffer>));
  const signature = {
    format: 'listingproof-signature',
    formatVersion: 1,
    alg: 'ES256',
    sigFormat: 'ieee-p1363',
    signed: 'manifest.json',
    publicKey: bytesToBase64(signer.spki),
    keyId: signer.keyId,
    investigator,
    created: new Date().toISOString(),
    signature: bytesToBase64(raw),
  };
  files.set('signature.json', new TextEncoder().encode(JSON.stringify(signature, null, 2)));
  files.delete('signature.tsr');
  if (!tsaUrl) return;
  const stamp = await requestTimestamp(await sha256(raw), [{ url: tsaUrl }]);
  if (stamp.status !== 'stamped') throw new Error(`signature not stamped: ${stamp.reason}`);
  files.set('signature.tsr', stamp.tsr);
}

/** Writes the manifest back and SHA256SUMS to match it. */
export async function writeManifest(files: Map<string, Uint8Array>, manifest: unknown): Promise<void> {
  const mText = JSON.stringify(manifest, null, 2);
  files.set('manifest.json', new TextEncoder().encode(mText));
  const m = manifest as ManifestJson;
  files.set('SHA256SUMS', new TextEncoder().encode(formatSha256Sums([...m.files, { path: 'manifest.json', sha256: await sha256Text(mText) }])));
}

export async function sealPackage(bytes: Uint8Array, options: SealPackageOptions = {}): Promise<{ bytes: Uint8Array; signer: Signer }> {
  const files = await unzipAll(bytes);
  const manifest = JSON.parse(text(files.get('manifest.json'))) as ManifestJson;
  const signer = options.signer ?? (await makeSigner());
  const investigator = options.investigator ?? { name: '王调查', org: '示例维权事务所' };
  for (const capture of manifest.captures) {
    const folder = `captures/${capture.id}/`;
    const artifacts = manifest.files
      .filter((f) => f.path.startsWith(folder))
      .map((f) => ({ path: f.path.slice(folder.length), sha256: f.sha256, bytes: f.bytes }) as Artifact);
    const source = { id: capture.id, url: capture.url, platform: capture.platform, itemId: capture.itemId, capturedAt: capture.capturedAt, artifacts } as Pick<
      CaptureRecord,
      'id' | 'url' | 'platform' | 'itemId' | 'capturedAt' | 'artifacts'
    >;
    const sealBytes = new TextEncoder().encode(sealText(sealOf(source, { ...investigator, keyId: signer.keyId })));
    const add = async (name: string, data: Uint8Array, mediaType: string) => {
      files.set(folder + name, data);
      manifest.files.push({ path: folder + name, sha256: await sha256Bytes(data), bytes: data.byteLength, mediaType });
      capture.files.push(folder + name);
    };
    await add('seal.json', sealBytes, 'application/json');
    let timestamp: CaptureTimestamp = { status: 'pending' };
    if (options.tsaUrl && !options.unstamped?.includes(capture.id)) {
      const stamp = await requestTimestamp(await sha256(sealBytes), [{ url: options.tsaUrl }]);
      if (stamp.status !== 'stamped') throw new Error(`seal of ${capture.id} not stamped: ${stamp.reason}`);
      await add('seal.tsr', stamp.tsr, 'application/timestamp-reply');
      timestamp = { status: 'stamped', tsa: stamp.tsa, genTime: stamp.genTime, serial: stamp.serial };
    }
    capture.timestamp = timestamp;
  }
  await writeManifest(files, manifest);
  if (!options.unsigned) await signManifest(files, signer, investigator, options.tsaUrl);
  return { bytes: await zipAll(files), signer };
}
