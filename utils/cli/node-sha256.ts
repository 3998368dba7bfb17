import { createHash } from 'node:crypto';
import type { Sha256Factory } from '@/utils/export/incremental-sha256';

// Node's native SHA-256 (about ten times the pure-JS one) for the command-line verifier.

export const nodeSha256: Sha256Factory = () => {
  const hash = createHash('sha256');
  return {
    update: (data) => void hash.update(data),
    digestHex: () => hash.digest('hex'),
  };
};
