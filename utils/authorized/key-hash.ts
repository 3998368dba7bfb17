// A 52-bit hash of a seller key (shop id, seller id or normalised name) for the search-page
// digest: two 32-bit multiply-xor lanes (cyrb53's mixing), cut to 52 bits so that hash * 2 + one
// status bit stays an exact integer in a double. With a million keys, the chance that a key that
// is not listed hits a listed one is about 1 in 4 billion per lookup.

export const KEY_HASH_BITS = 52;

export function keyHash52(key: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (h2 & 0xfffff) + (h1 >>> 0);
}
