import type { ImportProblem, ListHalf, ProblemCode } from '@/utils/model/authorized-list';
import { problemText } from '@/utils/authorized/problem-text';

/** Listing every problem of a million-row file would swamp the page; the rest are counted. */
export const PROBLEM_CAP = 1000;

export interface ProblemWhere {
  row: number;
  field: string;
  sheet?: ListHalf;
  file?: string;
}

export function problem(code: ProblemCode, where: ProblemWhere, params?: Record<string, string | number>): ImportProblem {
  const p: ImportProblem = { row: where.row, field: where.field, code, message: '' };
  if (where.sheet) p.sheet = where.sheet;
  if (where.file) p.file = where.file;
  if (params) p.params = params;
  p.message = problemText(p, 'en');
  return p;
}

/** Collects problems up to the cap and keeps counting past it. */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  total = 0;

  add(p: ImportProblem): void {
    this.total += 1;
    if (this.items.length < PROBLEM_CAP) this.items.push(p);
  }

  addAll(ps: readonly ImportProblem[]): void {
    for (const p of ps) this.add(p);
  }

  /** Takes another list's problems, tagged with the file they came from, keeping its overflow count. */
  merge(other: ProblemList, file?: string): void {
    for (const p of other.items) this.add(file ? { ...p, file } : p);
    this.total += other.total - other.items.length;
  }

  get empty(): boolean {
    return this.total === 0;
  }

  /** The listed problems, with a closing note when some were left off. */
  result(): ImportProblem[] {
    if (this.total <= this.items.length) return this.items;
    return [...this.items, problem('too-many-problems', { row: 0, field: '' }, { shown: this.items.length, total: this.total })];
  }
}
