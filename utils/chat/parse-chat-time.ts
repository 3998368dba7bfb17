// Chat UIs show times relative to "now" (今天 14:03, 昨天, 星期一, 11-03 09:12) and often a
// date line once followed by bare HH:mm; both are resolved here against a reference time and
// a fixed UTC offset (China Standard Time by default; China has no daylight saving time).

export const CHINA_UTC_OFFSET_MINUTES = 480;

export interface ChatTimeOptions {
  now: Date;
  /** minutes east of UTC, 480 for China Standard Time */
  utcOffsetMinutes?: number;
}

export interface CivilDate {
  y: number;
  m: number;
  d: number;
}

export interface ClockTime {
  h: number;
  min: number;
  s: number;
}

export interface ParsedChatTime {
  /** the calendar date the text names (own or inherited), if any */
  date?: CivilDate;
  /** true when the text itself named the date (so it becomes the new context) */
  ownDate: boolean;
  clock?: ClockTime;
  /** ISO 8601 with offset when both a date and a clock time are known, else "" */
  iso: string;
}

const CLOCK = /(?:(凌晨|早上|上午|中午|下午|傍晚|晚上)\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?$/;
const FULL_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const MONTH_DAY = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const WEEKDAY = /^(?:星期|周|礼拜)([一二三四五六日天])$/;
const RELATIVE: Record<string, number> = { 今天: 0, 昨天: 1, 前天: 2 };
const WEEKDAY_INDEX: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** Cheap test used by readers: does this whole string look like a chat time or date line? */
export function looksLikeChatTime(text: string): boolean {
  const t = normalize(text);
  if (t === '' || t.length > 24) return false;
  const { datePart, clock } = splitClock(t);
  return clock !== undefined ? datePart === '' || parseDatePart(datePart, todayParts()) !== undefined : parseDatePart(t, todayParts()) !== undefined;
}

/** Parses one time text; `context` is the date in force (from a date divider) for bare HH:mm. */
export function parseChatTime(text: string, options: ChatTimeOptions, context?: CivilDate): ParsedChatTime {
  const offset = options.utcOffsetMinutes ?? CHINA_UTC_OFFSET_MINUTES;
  const today = civilNow(options.now, offset);
  const t = normalize(text);
  if (t === '') return { ownDate: false, iso: '' };
  const { datePart, clock } = splitClock(t);
  let date: CivilDate | undefined;
  let ownDate = false;
  if (datePart !== '') {
    const parsed = parseDatePart(datePart, today, clock);
    if (!parsed) return { ownDate: false, iso: '' };
    date = parsed;
    ownDate = true;
  } else if (clock) {
    date = context ?? today.date;
  } else {
    return { ownDate: false, iso: '' };
  }
  return { date, ownDate, clock, iso: clock ? toIso(date, clock, offset) : '' };
}

export interface TimedRow {
  kind: 'message' | 'system' | 'divider';
  timeText: string;
  text: string;
}

export interface ResolvedTime {
  /** as shown: the row's own time, or the time line it inherits */
  timeText: string;
  time: string;
  /** the date line in force above the row, as shown */
  dateText?: string;
}

/** Walks rows in order, carrying the last date (and time) line into rows that show less. */
export function resolveChatTimes(rows: readonly TimedRow[], options: ChatTimeOptions): ResolvedTime[] {
  let contextDate: CivilDate | undefined;
  let dateText: string | undefined;
  let inheritedTime: { timeText: string; time: string } | undefined;
  return rows.map((row) => {
    if (row.kind === 'divider') {
      const shown = row.timeText || row.text;
      const parsed = parseChatTime(shown, options, contextDate);
      if (parsed.ownDate && parsed.date) {
        contextDate = parsed.date;
        dateText = shown;
      }
      inheritedTime = parsed.iso ? { timeText: shown, time: parsed.iso } : undefined;
      return { timeText: shown, time: parsed.iso, dateText };
    }
    if (row.timeText === '') {
      return inheritedTime ? { ...inheritedTime, dateText } : { timeText: '', time: '', dateText };
    }
    const parsed = parseChatTime(row.timeText, options, contextDate);
    if (parsed.ownDate && parsed.date) contextDate = parsed.date;
    return { timeText: row.timeText, time: parsed.iso, dateText };
  });
}

function normalize(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

function splitClock(t: string): { datePart: string; clock?: ClockTime } {
  const m = CLOCK.exec(t);
  if (!m) return { datePart: t };
  let h = Number(m[2]);
  const min = Number(m[3]);
  const s = m[4] ? Number(m[4]) : 0;
  const period = m[1] ?? m[5]?.toUpperCase();
  if ((period === '下午' || period === '傍晚' || period === '晚上' || period === 'PM') && h < 12) h += 12;
  if ((period === '凌晨' || period === '早上' || period === 'AM') && h === 12) h = 0;
  if (h > 23 || min > 59 || s > 59) return { datePart: t };
  return { datePart: t.slice(0, m.index).trim(), clock: { h, min, s } };
}

interface Today {
  date: CivilDate;
  weekday: number;
  /** seconds since local midnight, to tell whether a clock time today is still ahead */
  secondOfDay: number;
}

function civilNow(now: Date, offsetMinutes: number): Today {
  const local = new Date(now.getTime() + offsetMinutes * 60_000);
  return {
    date: { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() },
    weekday: local.getUTCDay(),
    secondOfDay: local.getUTCHours() * 3600 + local.getUTCMinutes() * 60 + local.getUTCSeconds(),
  };
}

function todayParts(): Today {
  return civilNow(new Date(), CHINA_UTC_OFFSET_MINUTES);
}

function parseDatePart(part: string, today: Today, clock?: ClockTime): CivilDate | undefined {
  const rel = RELATIVE[part];
  if (rel !== undefined) return addDays(today.date, -rel);
  let m = FULL_DATE.exec(part);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MONTH_DAY.exec(part);
  if (m) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    // A month-day later than today is last year's (12-31 seen on 1 January).
    const thisYear = validDate(today.date.y, month, day);
    if (thisYear && compareDates(thisYear, today.date) <= 0) return thisYear;
    return validDate(today.date.y - 1, month, day);
  }
  m = WEEKDAY.exec(part);
  if (m) {
    const target = WEEKDAY_INDEX[m[1] ?? ''] ?? 0;
    let back = (today.weekday - target + 7) % 7;
    // The same weekday as today with a clock time still ahead is a week ago.
    if (back === 0 && clock && clock.h * 3600 + clock.min * 60 + clock.s > today.secondOfDay) back = 7;
    return addDays(today.date, -back);
  }
  return undefined;
}

function validDate(y: number, m: number, d: number): CivilDate | undefined {
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return undefined;
  return { y, m, d };
}

function addDays(date: CivilDate, days: number): CivilDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function compareDates(a: CivilDate, b: CivilDate): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function toIso(date: CivilDate, clock: ClockTime, offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${pad(date.y, 4)}-${pad(date.m)}-${pad(date.d)}T${pad(clock.h)}:${pad(clock.min)}:${pad(clock.s)}${zone}`;
}
