import { parseExpressionAt, type Node } from 'acorn';

// Marketplace pages embed their state as JavaScript, not JSON (single quotes, `!0`, `+new Date`,
// ternaries). We parse the expression with acorn and keep only literal values: nothing on the
// page is ever evaluated, and any non-literal sub-expression simply reads as `undefined`.

export type StateValue = string | number | boolean | null | undefined | StateValue[] | { [key: string]: StateValue };
export type StateObject = { [key: string]: StateValue };

interface AnyNode extends Node {
  [key: string]: unknown;
}

function literalValue(node: AnyNode): StateValue {
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'object' && node.value !== null ? undefined : (node.value as StateValue);
    case 'TemplateLiteral': {
      const quasis = node.quasis as AnyNode[];
      return (node.expressions as unknown[]).length === 0 ? String((quasis[0]?.value as { cooked?: string })?.cooked ?? '') : undefined;
    }
    case 'ArrayExpression':
      return (node.elements as (AnyNode | null)[]).map((el) => (el ? literalValue(el) : undefined));
    case 'ObjectExpression': {
      const out: StateObject = {};
      for (const prop of node.properties as AnyNode[]) {
        if (prop.type !== 'Property' || prop.computed) continue;
        const key = prop.key as AnyNode;
        const name = key.type === 'Identifier' ? (key.name as string) : String(key.value);
        out[name] = literalValue(prop.value as AnyNode);
      }
      return out;
    }
    case 'UnaryExpression': {
      const arg = literalValue(node.argument as AnyNode);
      if (node.operator === '!' && typeof arg === 'number') return !arg; // minified !0 / !1
      if (node.operator === '-' && typeof arg === 'number') return -arg;
      return undefined;
    }
    case 'BinaryExpression': {
      // String concatenation of literals ('a' + 'b') appears in older pages.
      const l = literalValue(node.left as AnyNode);
      const r = literalValue(node.right as AnyNode);
      return node.operator === '+' && typeof l === 'string' && typeof r === 'string' ? l + r : undefined;
    }
    default:
      return undefined;
  }
}

/** Parses the JavaScript expression that starts at `offset` of `source` into literal data. */
export function parseLiteralAt(source: string, offset: number): StateValue {
  try {
    return literalValue(parseExpressionAt(source, offset, { ecmaVersion: 'latest' }) as AnyNode);
  } catch {
    return undefined;
  }
}

/** Inline script texts of the document (no src), in document order. */
export function inlineScripts(doc: Document): string[] {
  const out: string[] = [];
  for (const script of Array.from(doc.scripts)) {
    if (!script.src && script.textContent) out.push(script.textContent);
  }
  return out;
}

/**
 * Finds `marker` (e.g. `var g_config =` or `TShop.Setup(`) in an inline script and parses the
 * expression right after it. A regex marker may match several forms (`var x=`, `window.x =`).
 */
export function readAssignedObject(doc: Document, marker: RegExp): StateObject | undefined {
  const flags = marker.flags.includes('g') ? marker.flags : marker.flags + 'g';
  for (const text of inlineScripts(doc)) {
    const re = new RegExp(marker.source, flags);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const value = parseLiteralAt(text, m.index + m[0].length);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value;
    }
  }
  return undefined;
}

/** Safe deep read: get(obj, 'a', 'b', 0) without throwing on missing levels. */
export function get(value: StateValue, ...path: (string | number)[]): StateValue {
  let cur: StateValue = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, StateValue>)[key];
  }
  return cur;
}

/** A string (or number) field as a trimmed string; undefined when absent or empty. */
export function str(value: StateValue): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t === '' ? undefined : t;
}

export function asObject(value: StateValue): StateObject | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

export function asArray(value: StateValue): StateValue[] {
  return Array.isArray(value) ? value : [];
}
