import type { PartialListing } from '@/utils/marketplaces/alibaba/partial-listing';

// Reading the rendered DOM costs far more than reading page state, so an adapter asks the DOM
// only for the fields the state did not give, and only with the selectors of the page's era.

/** `legacy`: a 2018–2022 page (g_config / TShop state); `current`: ICE state or no state at all. */
export type PageEra = 'legacy' | 'current';

export type DomField = keyof PartialListing;
export type DomFieldReaders = { [K in DomField]?: (doc: Document, era: PageEra) => PartialListing[K] };

/** The fields a reader still has to look for: those the state left empty (prices: see below). */
export function fieldsToRead(state: PartialListing | undefined, era: PageEra): Set<DomField> {
  const need = new Set<DomField>();
  const fields: DomField[] = ['itemId', 'title', 'shopName', 'sellerNick', 'shopUrl', 'images', 'salesText', 'skus'];
  for (const f of fields) {
    const v = state?.[f];
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) need.add(f);
  }
  // Legacy pages fetched the live price after load and only rendered it; current pages carry it
  // in the state unless it arrives late (then the state has none and the DOM is read).
  const statePrices = state?.prices && Object.keys(state.prices).length > 0;
  if (era === 'legacy' || !statePrices) need.add('prices');
  return need;
}

/** Runs the readers for the requested fields only. */
export function readDomFields(doc: Document, era: PageEra, need: Set<DomField>, readers: DomFieldReaders): PartialListing {
  const out: Record<string, unknown> = {};
  for (const field of need) {
    const read = readers[field];
    if (!read) continue;
    const value = read(doc, era);
    if (value !== undefined) out[field] = value;
  }
  return out as PartialListing;
}
