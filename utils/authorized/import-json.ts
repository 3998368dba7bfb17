import { listEnvelopeSchema, PROBLEM_CODES, type ImportProblem, type ProblemCode } from '@/utils/model/authorized-list';
import { makeList, rejected, type ImportOutcome } from '@/utils/authorized/import-result';
import { problem, ProblemList } from '@/utils/authorized/problems';
import { IMPORT_LIMITS, type ImportLimits } from '@/utils/authorized/import-limits';
import { validateProducts, validateSellers } from '@/utils/authorized/validate-rows';

// The canonical form (contract §4), from a file or a sync URL. Rows are numbered by their array
// index, as in `sellers[3]`.

function lineColumn(text: string, position: number): { line: number; col: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line += 1;
    last = i;
  }
  return { line, col: position - last };
}

/** Where JSON.parse stopped: engines say "at position N", "line L column C", or (truncated) nothing. */
function syntaxProblem(text: string, error: unknown, file?: string): ImportProblem {
  const detail = (error instanceof Error ? error.message : String(error)).slice(0, 200);
  let position: number | undefined;
  const pos = /position (\d+)/.exec(detail);
  const lc = /line (\d+) column (\d+)/.exec(detail);
  if (pos) position = Number(pos[1]);
  else if (/end of (JSON )?(input|data)/i.test(detail)) position = text.length;
  if (position !== undefined) {
    const { line, col } = lineColumn(text, position);
    return problem('invalid-json', { row: line, field: '', file }, { position, line, col, detail });
  }
  if (lc) return problem('invalid-json', { row: Number(lc[1]), field: '', file }, { position: '?', line: Number(lc[1]), col: Number(lc[2]), detail });
  return problem('invalid-json', { row: 0, field: '', file }, { position: '?', line: '?', col: '?', detail });
}

export function importJsonText(text: string, file?: string, limits: ImportLimits = IMPORT_LIMITS): ImportOutcome {
  if (text.trim() === '') return rejected([problem('empty-file', { row: 0, field: '', file })]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return rejected([syntaxProblem(text, error, file)]);
  }
  return importJsonValue(data, file, limits);
}

export function importJsonValue(data: unknown, file?: string, limits: ImportLimits = IMPORT_LIMITS): ImportOutcome {
  const envelope = listEnvelopeSchema.safeParse(data);
  if (!envelope.success) {
    const issues = envelope.error.issues;
    // Some other JSON document: saying so is clearer than listing every field it lacks.
    const wrong = !data || typeof data !== 'object' || Array.isArray(data) || issues.some((i) => i.message === 'wrong-format');
    if (wrong) return rejected([problem('wrong-format', { row: 0, field: 'format', file })]);
    return rejected(
      issues.map((i) => {
        const code = (PROBLEM_CODES as readonly string[]).includes(i.message) ? (i.message as ProblemCode) : 'not-text';
        const field = String(i.path[0] ?? '');
        const value = (data as Record<string, unknown>)[field];
        return problem(code, { row: 0, field, file }, { value: typeof value === 'string' || typeof value === 'number' ? value : '' });
      }),
    );
  }
  const env = envelope.data;
  // Checked before validation, the slow part: a list past the cap is refused at once.
  for (const half of ['sellers', 'products'] as const) {
    const rows = env[half].length;
    if (rows > limits.maxRows) return rejected([problem('too-many-rows', { row: 0, field: half, file }, { rows, maxRows: limits.maxRows })]);
  }
  const problems = new ProblemList();
  const sellers = validateSellers(env.sellers, (i) => i, problems);
  const products = validateProducts(env.products, (i) => i, problems);
  if (!problems.empty) return rejected(file ? problems.result().map((p) => ({ ...p, file })) : problems.result());
  return { ok: true, list: makeList({ brand: env.brand, updatedAt: env.updatedAt || undefined, sellers, products }), replaces: 'all' };
}
