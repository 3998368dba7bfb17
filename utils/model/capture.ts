import { z } from 'zod';
import { platformSchema } from '@/utils/model/listing';
import { caseStatusSchema, type CaseStatus, type CaseStatusChange } from '@/utils/model/case-status';
import { captureSourceSchema } from '@/utils/model/capture-source';

// What one stored capture is. Artifact bytes live in their own table (see utils/db), this is
// the metadata that lists them with the hash computed at capture time.

export const sellerVerdictSchema = z.enum(['authorized', 'unauthorized', 'expired', 'unknown']);
export const priceVerdictSchema = z.enum(['ok', 'below-min', 'no-rule', 'unknown']);
export type SellerVerdict = z.infer<typeof sellerVerdictSchema>;
export type PriceVerdict = z.infer<typeof priceVerdictSchema>;

export const verdictSchema = z.object({
  seller: sellerVerdictSchema,
  price: priceVerdictSchema,
  /** the status of the shop's case when it has one (contract §6.1 `data-case-status`) */
  caseStatus: caseStatusSchema.optional(),
  /** the authorized list the verdict used: its id and `updatedAt`, so a finding names its source */
  listId: z.string().optional(),
  listUpdatedAt: z.string().optional(),
  listBrand: z.string().optional(),
  /** which rule matched: shopId | sellerId | shopName, and the product code and minimum applied */
  matchedBy: z.enum(['shopId', 'sellerId', 'shopName']).optional(),
  productCode: z.string().optional(),
  minPrice: z.string().optional(),
});
export type Verdict = z.infer<typeof verdictSchema>;

export const CAPTURE_METHODS = [
  'captureVisibleTab',
  'stitched-captureVisibleTab',
  'html2canvas-pro',
  'pageCapture.saveAsMHTML',
  'dom-serializer',
  'extractor',
  'extension-fetch',
  'chat-reader',
  // seal.json (written when stored) and seal.tsr (an RFC 3161 token over it)
  'seal',
  'rfc3161-timestamp',
] as const;

export const artifactSchema = z.object({
  /** path inside the capture folder, ASCII, e.g. `viewport.png`, `images/01.jpg` */
  path: z.string().regex(/^[\x21-\x7e]+$/),
  mediaType: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  method: z.enum(CAPTURE_METHODS),
  /** a note on how it was made, e.g. "split 2/3: page taller than the canvas limit" */
  note: z.string().optional(),
});
export type Artifact = z.infer<typeof artifactSchema>;

export const captureEnvironmentSchema = z.object({
  userAgent: z.string(),
  browser: z.string(),
  extensionVersion: z.string(),
  os: z.string(),
  timeZone: z.string(),
  language: z.string(),
  viewport: z.object({ width: z.number(), height: z.number(), devicePixelRatio: z.number() }),
  otherExtensions: z.array(z.object({ id: z.string(), name: z.string(), version: z.string(), enabled: z.boolean() })).optional(),
});
export type CaptureEnvironment = z.infer<typeof captureEnvironmentSchema>;

export const captureRecordSchema = z.object({
  id: z.string().uuid(),
  /** `search`: the search results page a run started from, captured once as context; it has no case (caseId '') */
  kind: z.enum(['listing', 'chat', 'search']),
  caseId: z.string(),
  platform: platformSchema,
  url: z.string(),
  finalUrl: z.string(),
  pageTitle: z.string(),
  itemId: z.string(),
  title: z.string(),
  shop: z.object({ name: z.string(), id: z.string(), sellerId: z.string() }),
  price: z.object({ lowest: z.string(), currency: z.literal('CNY') }),
  verdict: verdictSchema,
  startedAt: z.string(),
  capturedAt: z.string(),
  investigator: z.string(),
  extractorVersion: z.string(),
  environment: captureEnvironmentSchema,
  artifacts: z.array(artifactSchema),
  warnings: z.array(z.string()),
  notes: z.string().optional(),
  /** the run (search page or re-check) that made this capture, when one did */
  source: captureSourceSchema.optional(),
});
export type CaptureRecord = z.infer<typeof captureRecordSchema>;

export interface CaseRecord {
  id: string;
  platform: z.infer<typeof platformSchema>;
  /** shop id when known, else the normalised shop name: the grouping key */
  shopKey: string;
  shopName: string;
  createdAt: string;
  notes?: string;
  /** workflow status; absent on cases from before statuses existed, which read as `found` */
  status?: CaseStatus;
  /** every status change in order (the custody log has each too) */
  statusHistory?: CaseStatusChange[];
  /** set when a shop is captured again after its case was closed */
  repeatOffender?: boolean;
  /** the latest re-check: which listings were live and which taken down */
  lastRecheck?: CaseRecheck;
}

export interface CaseRecheck {
  runId: string;
  at: string;
  live: string[];
  removed: string[];
  /** every listing is gone: `removed` is suggested (the status stays the investigator's) */
  suggestRemoved: boolean;
}

export interface ArtifactBlobRecord {
  /** `${captureId}/${path}` */
  id: string;
  captureId: string;
  data: Blob;
}
