import { z } from 'zod';
import type { LockerCaptureRef } from '@/utils/locker/list-captures';
import { platformSchema } from '@/utils/model/listing';
import { priceVerdictSchema, sellerVerdictSchema } from '@/utils/model/capture';
import { sealSchema, SEAL_PATH, SEAL_TOKEN_PATH, type Seal } from '@/utils/model/trust';
import { sha256 } from '@/utils/trust/bytes';
import { checkImprint, parseTimeStampResp } from '@/utils/trust/tsp-token';

// What the team view shows of one capture in the locker, read from the capture's own files: its
// seal (who, which key, when), listing.json or chat.json (shop, verdict) and seal.tsr (trusted
// time). Another investigator's files are untrusted input: every one is parsed with zod, and a
// file that does not parse leaves its fields empty with a warning, never an exception.

export interface TeamCapture {
  ref: LockerCaptureRef;
  seal: Seal;
  kind: 'listing' | 'chat' | 'search';
  title: string;
  pageTitle: string;
  finalUrl: string;
  shop: { name: string; id: string; sellerId: string };
  lowestPrice: string;
  verdict: { seller: z.infer<typeof sellerVerdictSchema>; price: z.infer<typeof priceVerdictSchema> };
  extractorVersion: string;
  /** the token's time, when seal.tsr is there and covers this seal */
  timestamp?: { genTime: string; serial: string; tsaName: string };
  warnings: string[];
}

const searchJsonSchema = z.object({
  keyword: z.string().catch(''),
  pageTitle: z.string().catch(''),
  url: z.object({ final: z.string() }).catch({ final: '' }),
});

const listingJsonSchema = z.object({
  title: z.string().catch(''),
  pageTitle: z.string().catch(''),
  url: z.object({ final: z.string() }).catch({ final: '' }),
  shop: z.object({ name: z.string().catch(''), id: z.string().catch(''), sellerId: z.string().catch('') }).catch({ name: '', id: '', sellerId: '' }),
  prices: z.object({ lowest: z.string().catch('') }).catch({ lowest: '' }),
  verdict: z
    .object({ seller: sellerVerdictSchema.catch('unknown'), price: priceVerdictSchema.catch('unknown') })
    .catch({ seller: 'unknown', price: 'unknown' }),
  extractor: z.object({ version: z.string().catch('') }).catch({ version: '' }),
});

const chatJsonSchema = z.object({
  platform: platformSchema.optional(),
  shop: z.object({ name: z.string().catch(''), id: z.string().catch('') }).catch({ name: '', id: '' }),
});

function json(bytes: Uint8Array | undefined): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

export type FileReader = (path: string) => Promise<Uint8Array | undefined>;

/** Reads the seal (required: a capture without one is refused), then what the row shows. */
export async function describeLockerCapture(ref: LockerCaptureRef, read: FileReader): Promise<TeamCapture> {
  const sealBytes = await read(SEAL_PATH);
  if (!sealBytes) throw new Error(`capture ${ref.captureId} has no ${SEAL_PATH} in the locker`);
  const parsedSeal = sealSchema.safeParse(json(sealBytes));
  if (!parsedSeal.success) throw new Error(`${SEAL_PATH} of capture ${ref.captureId} is not a seal: ${parsedSeal.error.issues[0]?.path.join('.')}`);
  const seal = parsedSeal.data;
  // the locker path is only where it was put; the sealed names are what the evidence says
  if (seal.captureId !== ref.captureId) throw new Error(`${SEAL_PATH} under ${ref.captureId} seals capture ${seal.captureId}`);
  if (seal.investigator.keyId !== ref.keyId)
    throw new Error(`${SEAL_PATH} of ${ref.captureId} names key ${seal.investigator.keyId}, but lies under key ${ref.keyId}`);
  const warnings: string[] = [];
  const sealed = new Set(seal.files.map((f) => f.path));
  const kind = sealed.has('chat.json') ? 'chat' : sealed.has('search.json') ? 'search' : 'listing';
  const out: TeamCapture = {
    ref,
    seal,
    kind,
    title: '',
    pageTitle: '',
    finalUrl: seal.url,
    shop: { name: '', id: '', sellerId: '' },
    lowestPrice: '',
    verdict: { seller: 'unknown', price: 'unknown' },
    extractorVersion: '',
    warnings,
  };
  if (kind === 'listing') {
    const listing = listingJsonSchema.safeParse(json(sealed.has('listing.json') ? await read('listing.json') : undefined));
    if (listing.success) {
      const l = listing.data;
      Object.assign(out, {
        title: l.title,
        pageTitle: l.pageTitle,
        finalUrl: l.url.final || seal.url,
        shop: l.shop,
        lowestPrice: l.prices.lowest,
        verdict: l.verdict,
      });
      out.extractorVersion = l.extractor.version;
    } else warnings.push('listing.json: missing or not readable; shop and verdict unknown');
  } else if (kind === 'search') {
    // a search results page captured as a run's context: its keyword is its title, it has no shop
    const search = searchJsonSchema.safeParse(json(await read('search.json')));
    if (search.success) Object.assign(out, { title: search.data.keyword, pageTitle: search.data.pageTitle, finalUrl: search.data.url.final || seal.url });
    else warnings.push('search.json: not readable');
  } else {
    const chat = chatJsonSchema.safeParse(json(await read('chat.json')));
    if (chat.success) out.shop = { ...chat.data.shop, sellerId: '' };
    else warnings.push('chat.json: not readable; shop unknown');
  }
  const tsr = await read(SEAL_TOKEN_PATH);
  if (tsr) {
    try {
      const parsed = await parseTimeStampResp(tsr);
      if (!parsed.granted) warnings.push(`${SEAL_TOKEN_PATH}: the TSA refused (${parsed.status})`);
      else if (checkImprint(parsed.token, await sha256(sealBytes))) warnings.push(`${SEAL_TOKEN_PATH}: does not cover this ${SEAL_PATH}`);
      else out.timestamp = { genTime: parsed.token.genTime.toISOString(), serial: parsed.token.serial, tsaName: parsed.token.tsaName };
    } catch (e) {
      warnings.push(`${SEAL_TOKEN_PATH}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return out;
}
