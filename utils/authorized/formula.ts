// A cell starting with = + - @ (or a tab / carriage return) is a formula to a spreadsheet. We keep
// such text literal and, when writing CSV, prefix it with a quote so no spreadsheet evaluates it
// (OWASP "CSV injection"); reading CSV undoes exactly that prefix so an export re-imports unchanged.

const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** Formula text, and text that already starts with a quote before one (so unescaping is exact). */
function needsEscape(text: string): boolean {
  return looksLikeFormula(text) || (text.startsWith("'") && needsEscape(text.slice(1)));
}

export function escapeFormula(text: string): string {
  return needsEscape(text) ? `'${text}` : text;
}

export function unescapeFormula(text: string): string {
  return text.startsWith("'") && needsEscape(text.slice(1)) ? text.slice(1) : text;
}
