// Evidence times carry the investigator's local offset (e.g. +08:00) rather than `Z`, so a
// reader sees the wall-clock time the capture was made in the place it was made.

/**
 * ISO 8601 with milliseconds and the local UTC offset, e.g. `2026-11-23T21:05:03.123+08:00`.
 * `offsetMinutes` (east of UTC, as in +480 for China) defaults to the runtime's zone for `date`.
 */
export function localIsoString(date: Date, offsetMinutes: number = -date.getTimezoneOffset()): string {
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
  const body = shifted.toISOString().slice(0, -1); // drop the `Z`: the wall-clock part only
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${body}${sign}${hh}:${mm}`;
}
