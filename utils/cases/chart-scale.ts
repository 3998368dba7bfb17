// Linear scales and round tick values for the case view's price chart (SVG user units).

export interface Scale {
  (v: number): number;
  domain: readonly [number, number];
  ticks: number[];
}

/** About `count` round values (1, 2 or 5 times a power of ten) spanning [lo, hi]. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(count, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number], tickCount = 5): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const scale = ((v: number) => r0 + ((v - d0) / span) * (r1 - r0)) as Scale;
  scale.domain = domain;
  scale.ticks = niceTicks(d0, d1, tickCount);
  return scale;
}

/** Price axis from 0 (or a little under the lowest value when all are far above 0) to a little over the highest. */
export function priceDomain(values: readonly number[]): [number, number] {
  if (!values.length) return [0, 1];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max((hi - lo) * 0.15, hi * 0.05, 1);
  return [lo - pad < 0 || lo < hi * 0.5 ? 0 : Math.floor(lo - pad), Math.ceil(hi + pad)];
}

/** Time axis over the captures; a single instant gets half a day either side. */
export function timeDomain(times: readonly number[]): [number, number] {
  if (!times.length) return [0, 1];
  const lo = Math.min(...times);
  const hi = Math.max(...times);
  return hi > lo ? [lo, hi] : [lo - 43_200_000, hi + 43_200_000];
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TIME_STEPS = [1, 2, 5, 10, 15, 30]
  .map((s) => s * SECOND)
  .concat(
    [1, 2, 5, 10, 15, 30].map((m) => m * MINUTE),
    [1, 2, 3, 6, 12].map((h) => h * HOUR),
    [1, 2, 7, 14, 30].map((d) => d * DAY),
  );

/** About `count` ticks at round local times (seconds to months apart, as the span needs), and the step. */
export function timeTicks(t0: number, t1: number, count: number): { ticks: number[]; step: number } {
  const raw = (t1 - t0) / Math.max(count, 1);
  const step = TIME_STEPS.find((s) => s >= raw) ?? Math.ceil(raw / (30 * DAY)) * 30 * DAY;
  // align to the local clock: a day tick at local midnight, an hour tick on the hour
  const offset = new Date(t0).getTimezoneOffset() * MINUTE;
  const ticks: number[] = [];
  for (let local = Math.ceil((t0 - offset) / step) * step; local + offset <= t1; local += step) ticks.push(local + offset);
  return { ticks, step };
}

/** A tick's label: as precise as the step between ticks (local time). */
export function timeLabel(t: number, step: number): string {
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  if (step >= DAY) return day;
  const hm = `${p(d.getHours())}:${p(d.getMinutes())}`;
  if (step >= MINUTE) return `${day} ${hm}`;
  return `${hm}:${p(d.getSeconds())}`;
}
