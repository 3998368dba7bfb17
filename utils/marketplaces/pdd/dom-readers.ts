import { absoluteUrl, cleanName } from '@/utils/marketplaces/decode';
import { scanByClass } from '@/utils/marketplaces/pdd/class-scan';
import { parseYuanRange } from '@/utils/marketplaces/price';
import { PDD_ITEM } from '@/utils/marketplaces/pdd/selectors';
import type { FenRange } from '@/utils/model/listing';

// DOM fallback for goods pages. MODELLED, not verified against a saved real page (none could be
// found): the selectors match class-name fragments of the current H5 layout. When neither the
// state nor these yield the required fields, the adapter reports layout-changed with what is missing.

export interface PddDomFields {
  title?: string;
  mallName?: string;
  mallId?: string;
  group?: FenRange;
  images: string[];
  salesText?: string;
}

function readMallId(doc: Document): string | undefined {
  const href = doc.querySelector(PDD_ITEM.mallLink)?.getAttribute('href');
  if (!href) return undefined;
  try {
    const id = new URL(href, 'https://mobile.yangkeduo.com/').searchParams.get('mall_id')?.trim();
    return id && /^\d+$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

function imageUrl(img: Element): string | undefined {
  return absoluteUrl(img.getAttribute('data-src') ?? img.getAttribute('src') ?? undefined, 'https://mobile.yangkeduo.com/');
}

export function readPddDom(doc: Document): PddDomFields {
  const hasText = (el: Element) => !!cleanName(el.textContent);
  const { title: t, price, mallName: m, gallery, sales } = PDD_ITEM;
  const found = scanByClass(doc, { title: t, price, mallName: m, gallery, sales }, (role, el) => {
    // the big price on a goods page is the group price (拼单价): "¥12.9" or "¥12.9-19.9"
    if (role === 'price') return !!parseYuanRange(el.textContent);
    if (role === 'gallery') return !!el.querySelector('img');
    return hasText(el);
  });
  const images: string[] = [];
  const galleryImgs = found.gallery?.getElementsByTagName('img');
  for (let i = 0, n = galleryImgs?.length ?? 0; i < n && i < 20; i++) {
    const img = galleryImgs?.[i];
    const url = img ? imageUrl(img) : undefined;
    if (url && !images.includes(url)) images.push(url);
  }
  const title = cleanName(found.title?.textContent);
  const mallName = cleanName(found.mallName?.textContent);
  const group = parseYuanRange(found.price?.textContent);
  const salesText = cleanName(found.sales?.textContent);
  const mallId = readMallId(doc);
  return {
    ...(title ? { title } : {}),
    ...(mallName ? { mallName } : {}),
    ...(mallId ? { mallId } : {}),
    ...(group ? { group } : {}),
    images,
    ...(salesText ? { salesText } : {}),
  };
}
