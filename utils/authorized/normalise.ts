// Contract §4 normalisation: Unicode NFKC, lower case, all white space removed. Zero-width
// characters go too: pages slip them into names and titles and they are invisible to people.

const SPACE = /[\s\u200b-\u200d\u2060\ufeff]+/gu;

/** Text NFKC leaves alone with nothing to lower-case or strip: printable ASCII without A-Z, and CJK ideographs. */
const ALREADY_NORMAL = /^[\x21-\x40\x5b-\x7e\u4e00-\u9fff]*$/;

export function normalise(text: string): string {
  if (ALREADY_NORMAL.test(text)) return text; // most ids, codes and Chinese shop names: skip three copies
  return text.normalize('NFKC').toLowerCase().replace(SPACE, '');
}

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar day (YYYY-MM-DD) in China Standard Time (UTC+8, no daylight saving) at `at`. */
export function cstDay(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}
