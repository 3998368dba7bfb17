// Captures of one shop on one platform are grouped into a case. The key is the shop id when the
// page reveals it, else the shop name normalised as the contract says (NFKC, lower case, no
// white space) so that "Acme 旗舰店" and "ａｃｍｅ旗舰店" land in the same case.

export function normaliseName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

export function shopKeyOf(shop: { id?: string; name: string }): string {
  const id = shop.id?.trim();
  return id ? id : normaliseName(shop.name);
}
