import { inlineScripts, parseLiteralAt, type StateObject, type StateValue } from '@/utils/marketplaces/embedded-state';

// Taobao and Tmall pages carry several large inline scripts; each reader looks for a cheap
// substring first and runs its regex only on the few scripts that contain it.

/** Inline script texts, read once per extraction and shared by every reader. */
export function pageScripts(doc: Document): string[] {
  return inlineScripts(doc);
}

/** Index just past the object/array starting at `start`, skipping string contents; -1 if unbalanced. */
function matchingEnd(text: string, start: number): number {
  let depth = 0;
  let quote = '';
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * The literal at `offset`: most of these objects are valid JSON (ICE state, TShop.Setup,
 * _DATA_Detail), which JSON.parse reads far faster than a JS parser; anything else (g_config's
 * single quotes and expressions) falls back to the acorn literal reader. Neither evaluates code.
 */
export function literalAt(text: string, offset: number): StateValue {
  const first = text[offset];
  if (first === '{' || first === '[') {
    const end = matchingEnd(text, offset);
    if (end > 0) {
      try {
        return JSON.parse(text.slice(offset, end)) as StateValue;
      } catch {
        // not JSON: read it as a JS literal below
      }
    }
  }
  return parseLiteralAt(text, offset);
}

/**
 * Objects assigned after `marker` in scripts containing `needle`, in document order, parsed as
 * literals (never evaluated). `accept` picks the right one when a name is assigned several times.
 */
export function findObject(scripts: string[], needle: string, marker: RegExp, accept: (value: StateObject) => boolean = () => true): StateObject | undefined {
  const flags = marker.flags.includes('g') ? marker.flags : marker.flags + 'g';
  for (const text of scripts) {
    if (!text.includes(needle)) continue;
    const re = new RegExp(marker.source, flags);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const value = literalAt(text, m.index + m[0].length);
      if (value && typeof value === 'object' && !Array.isArray(value) && accept(value)) return value;
    }
  }
  return undefined;
}
