// A cell starting with = + - @ (or a tab / carriage return) is a formula to a spreadsheet. We keep
// such text literal and, when writing CSV, prefix it with a quote so no spreadsheet evaluates it
// (OWASP "CSV injection"); reading CSV undoes exactly that prefix so an export re-imports unchanged.

const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** Also quotes text that already starts with a quote before a formula, so unescaping is exact. */
export function escapeFormula(text: string): string {
  return looksLikeFormula(text) || (text.startsWith("'") && looksLikeFormula(text.slice(1))) ? `'${text}` : text;
}

export function unescapeFormula(text: string): string {
  return text.startsWith("'") && looksLikeFormula(text.slice(1)) ? text.slice(1) : text;
}
