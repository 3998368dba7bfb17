import { describe, expect, it } from 'vitest';
import { escapeHtml } from '@/utils/export/escape-html';

describe('escapeHtml', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['"><script>alert(1)</script>', '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;'],
    ["' onmouseover='x", '&#39; onmouseover=&#39;x'],
    ['a & b', 'a &amp; b'],
    ['`${x}`', '&#96;${x}&#96;'],
    ['Acme官方旗舰店', 'Acme官方旗舰店'],
  ])('escapes %s', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('leaves no markup character in any hostile string', () => {
    const hostile = ['<svg/onload=alert(1)>', '</textarea><script>', '&lt;already&gt;', 'javascript:alert(1)', '\u0000<\u0007>'];
    for (const s of hostile) expect(escapeHtml(s)).not.toMatch(/[<>"'`]/);
  });

  it('replaces control characters and lone surrogates, keeps pairs', () => {
    expect(escapeHtml('a\u0000b\u001fc\td\ne')).toBe('a\ufffdb\ufffdc\td\ne');
    expect(escapeHtml('x\ud800y')).toBe('x\ufffdy');
    expect(escapeHtml('😀')).toBe('😀');
  });

  it('renders numbers and absent values', () => {
    expect(escapeHtml(12)).toBe('12');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(null)).toBe('');
  });
});
