import { describe, expect, it } from 'vitest';
import { looksLikeChatTime, parseChatTime, resolveChatTimes, type TimedRow } from '@/utils/chat/parse-chat-time';

// Wednesday 5 November 2025, 15:00 in China.
const NOW = new Date('2025-11-05T07:00:00Z');
const at = (text: string, now = NOW): string => parseChatTime(text, { now }).iso;

describe('parseChatTime', () => {
  it.each([
    ['今天 14:03', '2025-11-05T14:03:00+08:00'],
    ['昨天 09:12', '2025-11-04T09:12:00+08:00'],
    ['前天 08:00', '2025-11-03T08:00:00+08:00'],
    ['11-03 09:12', '2025-11-03T09:12:00+08:00'],
    ['11月3日 09:12', '2025-11-03T09:12:00+08:00'],
    ['2025-11-03 09:12', '2025-11-03T09:12:00+08:00'],
    ['2025/11/03 09:12:30', '2025-11-03T09:12:30+08:00'],
    ['2025年11月3日 09:12', '2025-11-03T09:12:00+08:00'],
    ['14:03', '2025-11-05T14:03:00+08:00'],
    ['星期一 10:00', '2025-11-03T10:00:00+08:00'],
    ['周一 10:00', '2025-11-03T10:00:00+08:00'],
    ['礼拜日 10:00', '2025-11-02T10:00:00+08:00'],
    ['周四 10:00', '2025-10-30T10:00:00+08:00'],
    ['下午 2:03', '2025-11-05T14:03:00+08:00'],
    ['昨天 晚上 9:30', '2025-11-04T21:30:00+08:00'],
    ['  今天　14：03 ', '2025-11-05T14:03:00+08:00'],
  ])('%s → %s', (text, iso) => {
    expect(at(text)).toBe(iso);
  });

  it('returns "" for what it cannot read', () => {
    for (const text of ['', '刚刚', '3分钟前', '25:61', '2025-02-30 10:00', '13-01 10:00', '消息 001', '今天']) expect(at(text)).toBe('');
  });

  it('a month-day later than today is last year (12-31 seen on 1 January)', () => {
    const jan1 = new Date('2026-01-01T02:00:00+08:00');
    expect(at('12-31 23:59', jan1)).toBe('2025-12-31T23:59:00+08:00');
    expect(at('12月31日 23:59', jan1)).toBe('2025-12-31T23:59:00+08:00');
    expect(at('01-01 00:30', jan1)).toBe('2026-01-01T00:30:00+08:00');
  });

  it('昨天 and 前天 cross month and year boundaries', () => {
    expect(at('昨天 09:12', new Date('2025-12-01T09:00:00+08:00'))).toBe('2025-11-30T09:12:00+08:00');
    expect(at('前天 09:12', new Date('2025-03-01T09:00:00+08:00'))).toBe('2025-02-27T09:12:00+08:00');
    expect(at('前天 09:12', new Date('2024-03-01T09:00:00+08:00'))).toBe('2024-02-28T09:12:00+08:00');
    expect(at('昨天 23:00', new Date('2026-01-01T01:00:00+08:00'))).toBe('2025-12-31T23:00:00+08:00');
  });

  it('"today" is the day in China, not in UTC', () => {
    // 2025-11-04T17:30Z is already 5 November 01:30 in China.
    expect(at('昨天 23:00', new Date('2025-11-04T17:30:00Z'))).toBe('2025-11-04T23:00:00+08:00');
  });

  it('uses another offset when told', () => {
    expect(parseChatTime('今天 14:03', { now: NOW, utcOffsetMinutes: -300 }).iso).toBe('2025-11-05T14:03:00-05:00');
    expect(parseChatTime('今天 14:03', { now: new Date('2025-11-05T03:00:00Z'), utcOffsetMinutes: -300 }).iso).toBe('2025-11-04T14:03:00-05:00');
  });

  it('a weekday is the most recent such day, a week back when its time today has not come yet', () => {
    expect(at('星期三 10:00')).toBe('2025-11-05T10:00:00+08:00');
    expect(at('星期三 16:00')).toBe('2025-10-29T16:00:00+08:00');
    expect(at('周日 10:00')).toBe('2025-11-02T10:00:00+08:00');
  });

  it('bare HH:mm takes the date in force', () => {
    expect(parseChatTime('09:12', { now: NOW }, { y: 2025, m: 10, d: 31 }).iso).toBe('2025-10-31T09:12:00+08:00');
  });

  it('tells time-like texts from messages', () => {
    for (const t of ['14:03', '昨天', '星期一', '2025-11-03', '11月3日 09:12', '周一 10:00']) expect(looksLikeChatTime(t)).toBe(true);
    for (const t of ['好的', '消息 001 你好', '14:03 见', '这个 2025-11-03 到的']) expect(looksLikeChatTime(t)).toBe(false);
  });
});

describe('resolveChatTimes', () => {
  const row = (kind: TimedRow['kind'], timeText: string, text = ''): TimedRow => ({ kind, timeText, text });

  it('carries the last date line into bare times and the last time line into untimed rows', () => {
    const rows = [
      row('divider', '2025-10-28'),
      row('message', '09:00'),
      row('message', ''),
      row('divider', '昨天'),
      row('message', '09:12'),
      row('divider', '14:03'),
      row('message', ''),
      row('system', ''),
      row('message', '11-03 08:00'),
      row('message', '08:05'),
    ];
    const out = resolveChatTimes(rows, { now: NOW });
    expect(out.map((r) => r.time)).toEqual([
      '',
      '2025-10-28T09:00:00+08:00',
      '',
      '',
      '2025-11-04T09:12:00+08:00',
      '2025-11-04T14:03:00+08:00',
      '2025-11-04T14:03:00+08:00',
      '2025-11-04T14:03:00+08:00',
      '2025-11-03T08:00:00+08:00',
      '2025-11-03T08:05:00+08:00',
    ]);
    expect(out[6]).toEqual({ timeText: '14:03', time: '2025-11-04T14:03:00+08:00', dateText: '昨天' });
    expect(out[1]?.dateText).toBe('2025-10-28');
  });

  it('the date line of a year-end chat read on New Year carries last year', () => {
    const out = resolveChatTimes([row('divider', '12月31日'), row('message', '23:59'), row('divider', '今天'), row('message', '00:01')], {
      now: new Date('2026-01-01T08:00:00+08:00'),
    });
    expect(out[1]?.time).toBe('2025-12-31T23:59:00+08:00');
    expect(out[3]?.time).toBe('2026-01-01T00:01:00+08:00');
  });
});
