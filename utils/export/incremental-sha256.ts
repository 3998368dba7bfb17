import { sha256 } from '@noble/hashes/sha2';
import { toHex } from '@/utils/export/digest';

// SHA-256 fed chunk by chunk, so an entry is hashed while it inflates and never held whole.
// WebCrypto has no incremental digest; the pure-JS one (about 90 MB/s) runs in the dashboard,
// and `npm run verify` passes node's native hash instead (utils/cli/node-sha256.ts).

export interface IncrementalSha256 {
  update(data: Uint8Array): void;
  /** lowercase hex */
  digestHex(): string;
}

export type Sha256Factory = () => IncrementalSha256;

export const jsSha256: Sha256Factory = () => {
  const hash = sha256.create();
  return {
    update: (data) => void hash.update(data),
    digestHex: () => toHex(hash.digest()),
  };
};
