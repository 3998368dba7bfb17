import { z } from 'zod';
import { platformSchema } from '@/utils/model/listing';

// Seals, timestamps and the investigator's key (contract §6.3): the shapes stored and exported.

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const SEAL_FORMAT = 'listingproof-seal';
export const SEAL_PATH = 'seal.json';
export const SEAL_TOKEN_PATH = 'seal.tsr';

export const sealInvestigatorSchema = z.object({ name: z.string(), org: z.string(), keyId: z.string() });
export type SealInvestigator = z.infer<typeof sealInvestigatorSchema>;

export const sealFileSchema = z.object({ path: z.string().min(1), sha256: hex64, bytes: z.number().int().nonnegative() });
export type SealFile = z.infer<typeof sealFileSchema>;

export const sealSchema = z.object({
  format: z.literal(SEAL_FORMAT),
  formatVersion: z.literal(1),
  captureId: z.string().min(1),
  url: z.string(),
  platform: platformSchema,
  itemId: z.string(),
  capturedAt: z.string(),
  investigator: sealInvestigatorSchema,
  files: z.array(sealFileSchema),
});
export type Seal = z.infer<typeof sealSchema>;

export const timestampStatusSchema = z.enum(['stamped', 'pending', 'failed']);
export type TimestampStatus = z.infer<typeof timestampStatusSchema>;

/** A capture's manifest entry `timestamp` (§6.3): genTime and serial only once stamped. */
export const captureTimestampSchema = z.object({
  status: timestampStatusSchema,
  tsa: z.string().optional(),
  genTime: z.string().optional(),
  serial: z
    .string()
    .regex(/^[0-9a-f]+$/)
    .optional(),
});
export type CaptureTimestamp = z.infer<typeof captureTimestampSchema>;

/** One row per capture in `timestamps`: where its RFC 3161 token stands. */
export interface TimestampRecord {
  captureId: string;
  status: TimestampStatus;
  /** SHA-256 of the seal.json bytes: the imprint asked for */
  sealSha256: string;
  attempts: number;
  /** ISO time before which the queue leaves a pending row alone (backoff) */
  nextAttemptAt: string;
  lastError?: string;
  tsa?: string;
  genTime?: string;
  serial?: string;
  /** the token's file (artifact blob `<captureId>/seal.tsr`) */
  tsrSha256?: string;
  tsrBytes?: number;
  /** when the extension received the token (its own clock; the token's time is genTime) */
  receivedAt?: string;
}

/** An investigator's signing key; the private half never leaves WebCrypto (non-extractable). */
export interface InvestigatorKeyRecord {
  /** lowercase hex SHA-256 of the SPKI DER */
  keyId: string;
  publicKeySpki: Uint8Array;
  publicKey: CryptoKey;
  privateKey: CryptoKey;
  createdAt: string;
  /** set when a newer key replaced it; the public half stays for old packages */
  retiredAt?: string;
}
