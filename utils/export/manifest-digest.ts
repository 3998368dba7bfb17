import { canonicalJson, type JsonValue } from '@/utils/export/canonical-json';
import { sha256Text } from '@/utils/export/digest';

// What a signature or an RFC 3161 timestamp over a package covers: the manifest in canonical
// JSON (RFC 8785) without its `signatures` member. The manifest holds every other file's SHA-256,
// so this one digest covers the package, and adding a signature does not change what was signed.
// Pass the manifest as parsed from manifest.json (not a schema-stripped copy).

export async function manifestDigest(manifestJson: object): Promise<string> {
  const { signatures: _signatures, ...signed } = manifestJson as Record<string, unknown>;
  return sha256Text(canonicalJson(signed as JsonValue));
}
