import { normalise } from '@/utils/authorized/normalise';

// Keyword scan for product matching. A naive "title includes each keyword" is ~20,000 substring
// searches per listing with 10,000 products, and bucketing by the first characters fails when
// keywords share a prefix (model codes like MDL-1, MDL-2, ...). So unique keywords go into a trie
// of UTF-16 code units and the title is walked from each position: the work depends on the
// title's length and how far it matches, not on how many products there are.

interface TrieNode {
  next?: Map<number, TrieNode>;
  /** products whose keyword ends here */
  products?: number[];
}

export class KeywordIndex {
  private readonly root: TrieNode = {};
  readonly keywordCount: number;

  constructor(keywordsPerProduct: readonly (readonly string[])[]) {
    let count = 0;
    keywordsPerProduct.forEach((keywords, product) => {
      for (const raw of keywords) {
        const keyword = normalise(raw);
        if (keyword === '') continue; // an empty keyword would match every title
        let node = this.root;
        for (let i = 0; i < keyword.length; i++) {
          const c = keyword.charCodeAt(i);
          node.next ??= new Map();
          let child = node.next.get(c);
          if (!child) node.next.set(c, (child = {}));
          node = child;
        }
        if (!node.products) count++;
        node.products ??= [];
        if (node.products.at(-1) !== product) node.products.push(product);
      }
    });
    this.keywordCount = count;
  }

  /** Indices of products with a keyword contained in `title` (already normalised). */
  productsIn(title: string): Set<number> {
    const found = new Set<number>();
    for (let start = 0; start < title.length; start++) {
      let node: TrieNode | undefined = this.root;
      for (let i = start; node?.next && i < title.length; i++) {
        node = node.next.get(title.charCodeAt(i));
        if (node?.products) for (const p of node.products) found.add(p);
      }
    }
    return found;
  }
}
