import type { Artifact, CaptureRecord } from '@/utils/model/capture';
import { sha256Bytes } from '@/utils/export/digest';

// Generated captures for tests and benchmarks: a CaptureRecord whose artifacts carry the right
// sha256 and size, and the artifact bytes themselves (what artifactBlobs would hold).

/** A real 1x1 PNG. */
export const TINY_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) =>
  c.charCodeAt(0),
);

export interface MadeCapture {
  record: CaptureRecord;
  /** artifact bytes by the artifact's path inside the capture folder */
  bytes: Map<string, Uint8Array>;
}

export interface MakeCaptureOptions {
  id?: string;
  kind?: 'listing' | 'chat';
  /** size of the random-byte "screenshots" (labelled image/png); 0 uses the real tiny PNG */
  pngBytes?: number;
  fullPngBytes?: number;
  /** approximate size of the page source text */
  mhtmlBytes?: number;
  title?: string;
  shopName?: string;
  url?: string;
  warnings?: string[];
  verdict?: CaptureRecord['verdict'];
  capturedAt?: string;
}

/** Incompressible bytes (crypto.getRandomValues fills at most 64 KiB per call). */
export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 65536) crypto.getRandomValues(out.subarray(i, Math.min(n, i + 65536)));
  return out;
}

/** A small deterministic generator (mulberry32) for reproducible test runs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pageSource(title: string, approxBytes: number): string {
  const head = `From: <Saved by Blink>\r\nSubject: ${title}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----B"\r\n\r\n------B\r\nContent-Type: text/html\r\n\r\n`;
  const row = `<div class="sku">【官方正品】${title} 券后价 ¥199.00 月销 1000+ <span>颜色分类：黑色</span></div>\r\n`;
  const rows = Math.max(1, Math.ceil((approxBytes - head.length) / (row.length * 2)));
  return `${head}<html><body>${row.repeat(rows)}</body></html>\r\n------B--\r\n`;
}

export async function makeCapture(options: MakeCaptureOptions = {}): Promise<MadeCapture> {
  const id = options.id ?? crypto.randomUUID();
  const kind = options.kind ?? 'listing';
  const title = options.title ?? 'Acme XR-200 降噪耳机 蓝牙';
  const pngBytes = options.pngBytes ?? 4096;
  const files: [string, string, Artifact['method'], Uint8Array][] = [
    ['viewport.png', 'image/png', 'captureVisibleTab', pngBytes > 0 ? randomBytes(pngBytes) : TINY_PNG],
    ['tiny.png', 'image/png', 'captureVisibleTab', TINY_PNG],
  ];
  if (options.fullPngBytes) files.push(['full.png', 'image/png', 'stitched-captureVisibleTab', randomBytes(options.fullPngBytes)]);
  const enc = new TextEncoder();
  if (kind === 'listing') {
    files.push(['page.mhtml', 'multipart/related', 'pageCapture.saveAsMHTML', enc.encode(pageSource(title, options.mhtmlBytes ?? 4096))]);
    files.push(['listing.json', 'application/json', 'extractor', enc.encode(JSON.stringify({ title, itemId: '750123456781' }, null, 2))]);
  } else {
    const chat = {
      platform: 'taobao',
      shop: { name: options.shopName ?? 'Acme店', id: '' },
      messages: [{ role: 'seller', name: 's', timeText: '10:00', time: '', text: '亲，在的', images: [] }],
    };
    files.push(['chat.json', 'application/json', 'chat-reader', enc.encode(JSON.stringify(chat))]);
    files.push(['chat.html', 'text/html', 'chat-reader', enc.encode('<!doctype html><p>亲，在的</p>')]);
  }
  const bytes = new Map<string, Uint8Array>();
  const artifacts: Artifact[] = [];
  for (const [path, mediaType, method, data] of files) {
    bytes.set(path, data);
    artifacts.push({ path, mediaType, method, bytes: data.byteLength, sha256: await sha256Bytes(data) });
  }
  const url = options.url ?? 'https://item.taobao.com/item.htm?id=750123456781';
  const record: CaptureRecord = {
    id,
    kind,
    caseId: 'case-1',
    platform: 'taobao',
    url,
    finalUrl: url,
    pageTitle: `${title}-淘宝网`,
    itemId: '750123456781',
    title,
    shop: { name: options.shopName ?? 'Acme数码专营店', id: '100200300', sellerId: '2200001' },
    price: { lowest: '199.00', currency: 'CNY' },
    verdict: options.verdict ?? {
      seller: 'unauthorized',
      price: 'below-min',
      listId: 'list-1',
      listUpdatedAt: '2026-11-01T00:00:00Z',
      minPrice: '269.00',
      productCode: 'XR-200',
    },
    startedAt: '2026-11-22T16:00:00.000+08:00',
    capturedAt: options.capturedAt ?? '2026-11-22T16:00:03.500+08:00',
    investigator: '王调查',
    extractorVersion: '1',
    environment: {
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0',
      browser: 'Chrome 131',
      extensionVersion: '0.1.0',
      os: 'linux',
      timeZone: 'Asia/Shanghai',
      language: 'zh-CN',
      viewport: { width: 1280, height: 800, devicePixelRatio: 1 },
    },
    artifacts,
    warnings: options.warnings ?? [],
  };
  return { record, bytes };
}

/** The `readArtifact` a package build needs, over generated captures. */
export function artifactReader(made: readonly MadeCapture[]): (captureId: string, path: string) => Promise<Blob | undefined> {
  const byId = new Map(made.map((m) => [m.record.id, m]));
  return async (captureId, path) => {
    const data = byId.get(captureId)?.bytes.get(path);
    return data ? new Blob([data as Uint8Array<ArrayBuffer>]) : undefined;
  };
}
