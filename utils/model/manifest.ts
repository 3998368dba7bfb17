import { z } from 'zod';
import { platformSchema } from '@/utils/model/listing';
import { CAPTURE_METHODS, captureEnvironmentSchema, verdictSchema } from '@/utils/model/capture';
import { captureTimestampSchema } from '@/utils/model/trust';
import { captureSourceSchema } from '@/utils/model/capture-source';

// manifest.json of an evidence package (contract §3, formatVersion 1). Fields beyond the contract
// are additions; readers written against the contract keep working.
//
// Signatures and RFC 3161 timestamps: a later tool may add entries to `signatures` without moving
// any file. What they cover is the manifest digest (see utils/export/manifest-digest.ts): SHA-256
// of the manifest in RFC 8785 canonical JSON with the `signatures` member left out. The manifest
// lists every other file with its SHA-256, so the digest covers the whole package; adding a
// signature changes manifest.json, after which its line in SHA256SUMS is rewritten.

export const MANIFEST_FORMAT = 'listingproof-evidence';
export const MANIFEST_FORMAT_VERSION = 1;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
/** ISO 8601 date-time with `Z` or an offset */
export const isoDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/);
/** a path inside the zip: printable ASCII, `/`-separated, no empty, `.` or `..` segment */
export const zipPathSchema = z
  .string()
  .regex(/^[\x21-\x7e]+$/)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..'), 'unsafe path');

export const manifestFileSchema = z.object({
  path: zipPathSchema,
  sha256: hex64,
  bytes: z.number().int().nonnegative(),
  mediaType: z.string(),
});
export type ManifestFile = z.infer<typeof manifestFileSchema>;

export const manifestCaptureSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['listing', 'chat', 'search']),
  capturedAt: isoDateTimeSchema,
  startedAt: isoDateTimeSchema,
  url: z.string(),
  finalUrl: z.string(),
  pageTitle: z.string().optional(),
  platform: platformSchema,
  itemId: z.string(),
  title: z.string(),
  shop: z.object({ name: z.string(), id: z.string(), sellerId: z.string() }),
  price: z.object({ lowest: z.string(), currency: z.literal('CNY') }),
  verdict: verdictSchema,
  investigator: z.string(),
  environment: captureEnvironmentSchema,
  extractorVersion: z.string(),
  warnings: z.array(z.string()),
  notes: z.string().optional(),
  /** every file of this capture, each also listed in the top-level `files` */
  files: z.array(zipPathSchema),
  /** how each file was made (a screenshot's method says whether it is the browser's own pixels) */
  artifacts: z.array(z.object({ path: zipPathSchema, method: z.enum(CAPTURE_METHODS), note: z.string().optional() })).optional(),
  /** the RFC 3161 token over the capture's seal.json (§6.3); absent for captures stored before seals */
  timestamp: captureTimestampSchema.optional(),
  /** the run that made it: the search it was found through (and that page's context capture), or the re-check */
  source: captureSourceSchema.optional(),
});
export type ManifestCapture = z.infer<typeof manifestCaptureSchema>;

export const custodySummarySchema = z.object({
  /** the file holding this package's custody entries */
  path: zipPathSchema,
  entries: z.number().int().nonnegative(),
  /** hash of the newest entry in the whole log at export time (empty when the log is empty) */
  headSeq: z.number().int().nonnegative(),
  headHash: z.union([hex64, z.literal('')]),
});
export type CustodySummary = z.infer<typeof custodySummarySchema>;

export const manifestSignatureSchema = z.object({
  /** e.g. `rfc3161-timestamp` (token = DER TimeStampResp/Token) or `cms-signature` (DER SignedData) */
  type: z.string().min(1),
  digestAlgorithm: z.literal('sha-256'),
  /** the manifest digest the token or signature covers */
  digest: hex64,
  /** base64 of the DER bytes */
  token: z.string(),
  signer: z.string().optional(),
  at: isoDateTimeSchema.optional(),
});
export type ManifestSignature = z.infer<typeof manifestSignatureSchema>;

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  formatVersion: z.literal(MANIFEST_FORMAT_VERSION),
  createdAt: isoDateTimeSchema,
  software: z.object({ name: z.literal('listingproof'), version: z.string() }),
  /** the locale report.html opens in */
  locale: z.enum(['zh-CN', 'en']).optional(),
  captures: z.array(manifestCaptureSchema),
  files: z.array(manifestFileSchema),
  custody: custodySummarySchema.optional(),
  signatures: z.array(manifestSignatureSchema).optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;
