import { loadavg, cpus } from 'node:os';

// Shared by every bench part: statistics, tables, formatting and the machine's state. Figures on
// a shared 2-core machine move with other people's load, so every part prints its own reference.

export type Print = (line: string) => void;

export function median(xs: readonly number[]): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))]!;
}

export const ms = (n: number, digits = 2) => (Number.isFinite(n) ? `${n.toFixed(digits)} ms` : '—');
export const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}x` : '—');
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const verdict = (met: boolean) => (met ? 'PASS' : 'MISS');

/** Prints rows as an aligned text table (columns padded to their widest cell). */
export function table(print: Print, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  print(line(header));
  print(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) print(line(r));
}

export function machineLine(): string {
  const [one, five, fifteen] = loadavg().map((x) => x.toFixed(2));
  return `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${one} / ${five} / ${fifteen} (1 / 5 / 15 min), node ${process.version}`;
}

/**
 * Times `fn` in batches and returns the per-call time of each batch. Batching keeps the figure
 * above the timer's resolution (Chromium coarsens performance.now() to 0.1 ms in a page).
 */
export function timeBatches(fn: () => void, opts: { warmup: number; batches: number; budgetMs: number }): number[] {
  for (let i = 0; i < opts.warmup; i++) fn();
  // Size a batch so it lasts about 1/batches of the budget, at least one call.
  let t = performance.now();
  fn();
  const one = Math.max(performance.now() - t, 0.001);
  const perBatch = Math.max(1, Math.min(1000, Math.floor(opts.budgetMs / opts.batches / one)));
  const out: number[] = [];
  for (let b = 0; b < opts.batches; b++) {
    t = performance.now();
    for (let i = 0; i < perBatch; i++) fn();
    out.push((performance.now() - t) / perBatch);
  }
  return out;
}

export function sleep(msDelay: number): Promise<void> {
  return new Promise((r) => setTimeout(r, msDelay));
}
