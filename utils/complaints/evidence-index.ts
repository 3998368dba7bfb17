import Papa from 'papaparse';
import type { Manifest, ManifestCapture } from '@/utils/model/manifest';
import { canonicalItemUrl } from '@/utils/marketplaces/canonical-url';

// The evidence index (证据目录) of a complaint bundle (contract §6.4), one row per capture, read
// from the manifest of the bundle's own package so that every hash in it is the package's.

export const INDEX_COLUMNS = [
  'no',
  'platform',
  'shop',
  'shopId',
  'itemId',
  'url',
  'captureId',
  'capturedAt',
  'trustedTime',
  'seller',
  'price',
  'lowestPrice',
  'minPrice',
  'sealSha256',
  'title',
] as const;
export type IndexRow = Record<(typeof INDEX_COLUMNS)[number], string>;

/** The trusted time a capture's manifest entry carries once its seal is stamped (§6.3). */
function trustedTime(capture: ManifestCapture): string {
  const timestamp = capture.timestamp;
  return timestamp?.status === 'stamped' ? (timestamp.genTime ?? '') : '';
}

export function evidenceIndexRows(manifest: Manifest): IndexRow[] {
  const sha = new Map(manifest.files.map((f) => [f.path, f.sha256]));
  return manifest.captures.map((c, i) => ({
    no: String(i + 1),
    platform: c.platform,
    shop: c.shop.name,
    shopId: c.shop.id,
    itemId: c.itemId,
    // a chat capture may name no item: its own URL stands
    url: /^\d+$/.test(c.itemId) ? canonicalItemUrl(c.platform, c.itemId) : c.url,
    captureId: c.id,
    capturedAt: c.capturedAt,
    trustedTime: trustedTime(c),
    seller: c.verdict.seller,
    price: c.verdict.price,
    lowestPrice: c.price.lowest,
    minPrice: c.verdict.minPrice ?? '',
    sealSha256: sha.get(`captures/${c.id}/seal.json`) ?? '',
    title: c.title,
  }));
}

/**
 * UTF-8 with BOM (Excel in zh-CN opens it right), header row, CRLF lines. Shop names and titles
 * come from sellers' pages: a cell a spreadsheet would run as a formula gets a leading apostrophe.
 */
export function evidenceIndexCsv(rows: readonly IndexRow[]): string {
  const data = rows.map((r) => INDEX_COLUMNS.map((k) => r[k]));
  return '\ufeff' + Papa.unparse({ fields: [...INDEX_COLUMNS], data }, { newline: '\r\n', escapeFormulae: true }) + '\r\n';
}
