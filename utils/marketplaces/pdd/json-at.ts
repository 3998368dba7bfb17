import type { StateValue } from '@/utils/marketplaces/embedded-state';

// rawData is plain JSON and large on real goods pages (tens to hundreds of KB): JSON.parse reads
// 65 KB in ~0.4 ms where building an acorn AST takes 40–120 ms. Only if the text is not strict
// JSON does the caller fall back to the literal parser.

/** The JSON object that starts at `offset` (after white space), or undefined when it is not JSON. */
export function jsonObjectAt(text: string, offset: number): StateValue {
  let i = offset;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  if (text.charCodeAt(i) !== 123 /* { */) return undefined;
  const start = i;
  let depth = 0;
  let inString = false;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) {
        try {
          return JSON.parse(text.slice(start, i + 1)) as StateValue;
        } catch {
          return undefined;
        }
      }
    } else if (c === 39 /* ' */) return undefined; // a JS literal, not JSON
  }
  return undefined;
}
