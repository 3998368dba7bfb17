// Names arrive \u-escaped, %-encoded or padded; every adapter cleans them the same way.

/** Decodes \uXXXX escapes left in a string (pages that double-escape their state). */
export function decodeUnicodeEscapes(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Decodes %XX sequences when the text is URL-encoded (Tmall sellerNickName); leaves other text alone. */
export function decodeUrlEncoded(text: string): string {
  if (!/%[0-9a-fA-F]{2}/.test(text)) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** The displayable form of a name from page state: decoded, white space collapsed, trimmed. */
export function cleanName(text: string | undefined | null): string | undefined {
  if (text === undefined || text === null) return undefined;
  const cleaned = decodeUrlEncoded(decodeUnicodeEscapes(String(text)))
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned === '' ? undefined : cleaned;
}

/** Text content of the first element matching any selector, cleaned; undefined when none has text. */
export function textOf(root: ParentNode, ...selectors: string[]): string | undefined {
  for (const sel of selectors) {
    const el = root.querySelector(sel);
    const t = cleanName(el?.textContent);
    if (t) return t;
  }
  return undefined;
}

/** An attribute of the first element matching any selector that has it non-empty. */
export function attrOf(root: ParentNode, attr: string, ...selectors: string[]): string | undefined {
  for (const sel of selectors) {
    const v = cleanName(root.querySelector(sel)?.getAttribute(attr));
    if (v) return v;
  }
  return undefined;
}

/** Protocol-relative and http image URLs made absolute https. */
export function absoluteUrl(src: string | undefined, base = 'https://example.invalid/'): string | undefined {
  if (!src) return undefined;
  const s = src.trim();
  if (!s || s.startsWith('data:')) return undefined;
  try {
    return new URL(s.startsWith('//') ? `https:${s}` : s, base).href;
  } catch {
    return undefined;
  }
}
