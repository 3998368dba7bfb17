import { normalise } from '@/utils/authorized/normalise';

// Keyword scan for product matching. With 10,000 products a naive "title includes each keyword"
// is ~30,000 substring searches per listing; instead unique keywords are bucketed by their first
// two characters and a title is walked once, looking up the two characters at each position.

interface Entry {
  keyword: string;
  products: number[];
}

export class KeywordIndex {
  private readonly byPrefix = new Map<string, Entry[]>();
  /** one-character keywords cannot be bucketed by two characters */
  private readonly single: Entry[] = [];

  constructor(keywordsPerProduct: readonly (readonly string[])[]) {
    const unique = new Map<string, Entry>();
    keywordsPerProduct.forEach((keywords, product) => {
      for (const raw of keywords) {
        const keyword = normalise(raw);
        if (keyword === '') continue; // an empty keyword would match every title
        let entry = unique.get(keyword);
        if (!entry) unique.set(keyword, (entry = { keyword, products: [] }));
        if (entry.products.at(-1) !== product) entry.products.push(product);
      }
    });
    for (const entry of unique.values()) {
      if (entry.keyword.length < 2) {
        this.single.push(entry);
        continue;
      }
      const prefix = entry.keyword.slice(0, 2);
      const bucket = this.byPrefix.get(prefix);
      if (bucket) bucket.push(entry);
      else this.byPrefix.set(prefix, [entry]);
    }
  }

  /** Indices of products with a keyword contained in `title` (already normalised). */
  productsIn(title: string): Set<number> {
    const found = new Set<number>();
    for (let i = 0; i + 1 < title.length; i++) {
      const bucket = this.byPrefix.get(title.slice(i, i + 2));
      if (!bucket) continue;
      for (const entry of bucket) if (title.startsWith(entry.keyword, i)) for (const p of entry.products) found.add(p);
    }
    for (const entry of this.single) if (title.includes(entry.keyword)) for (const p of entry.products) found.add(p);
    return found;
  }
}
