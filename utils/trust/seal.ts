import { canonicalJson } from '@/utils/export/canonical-json';
import { sha256Bytes } from '@/utils/export/digest';
import type { Artifact, CaptureRecord } from '@/utils/model/capture';
import { SEAL_FORMAT, SEAL_PATH, SEAL_TOKEN_PATH, type Seal, type SealInvestigator } from '@/utils/model/trust';

// seal.json (contract §6.3): what a capture is, who made it and every file's hash, written once
// when the capture is stored. The RFC 3161 token is taken over SHA-256 of these exact bytes, so
// the seal is canonical JSON: the same capture always gives the same bytes.

export type SealSource = Pick<CaptureRecord, 'id' | 'url' | 'platform' | 'itemId' | 'capturedAt' | 'artifacts'>;

export interface BuiltSeal {
  seal: Seal;
  bytes: Uint8Array;
  sha256: string;
  /** the artifact entry the capture record lists for seal.json */
  artifact: Artifact;
}

/** The seal of a capture: its folder's files, as the package lays them out, minus the seal and token. */
export function sealOf(source: SealSource, investigator: SealInvestigator): Seal {
  const files = source.artifacts
    .filter((a) => a.path !== SEAL_PATH && a.path !== SEAL_TOKEN_PATH)
    .map((a) => ({ path: a.path, sha256: a.sha256, bytes: a.bytes }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    format: SEAL_FORMAT,
    formatVersion: 1,
    captureId: source.id,
    url: source.url,
    platform: source.platform,
    itemId: source.itemId,
    capturedAt: source.capturedAt,
    investigator: { name: investigator.name, org: investigator.org, keyId: investigator.keyId },
    files,
  };
}

export function sealText(seal: Seal): string {
  return canonicalJson(seal);
}

export async function buildSeal(source: SealSource, investigator: SealInvestigator): Promise<BuiltSeal> {
  const seal = sealOf(source, investigator);
  const bytes = new TextEncoder().encode(sealText(seal));
  const sha256 = await sha256Bytes(bytes);
  return {
    seal,
    bytes,
    sha256,
    artifact: {
      path: SEAL_PATH,
      mediaType: 'application/json',
      bytes: bytes.byteLength,
      sha256,
      method: 'seal',
      note: 'the capture sealed when stored: its files and their SHA-256 (the timestamp covers these bytes)',
    },
  };
}

/** The seal's SHA-256 as the capture record lists it; undefined for captures stored before seals. */
export function sealSha256Of(record: Pick<CaptureRecord, 'artifacts'>): string | undefined {
  return record.artifacts.find((a) => a.path === SEAL_PATH)?.sha256;
}

/** Said on a capture (and in its panel) when the dashboard has no investigator name or organisation. */
export const NO_INVESTIGATOR_WARNING = 'investigator: no investigator name or organisation is set in the dashboard, so this capture does not say who made it';
