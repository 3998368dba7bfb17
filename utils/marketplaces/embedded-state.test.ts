import { describe, expect, it } from 'vitest';
import { parseLiteralAt, get, str } from '@/utils/marketplaces/embedded-state';

describe('parseLiteralAt', () => {
  it('reads JS literals with single quotes, minified booleans and skips expressions', () => {
    const src = `var g_config = { itemId: '637', online: !0, off: !1, t: +new Date, x: a ? 'b' : 'c', n: -5, s: 'a' + 'b', arr: [1, 'two'] };`;
    const v = parseLiteralAt(src, src.indexOf('{'));
    expect(v).toEqual({ itemId: '637', online: true, off: false, t: undefined, x: undefined, n: -5, s: 'ab', arr: [1, 'two'] });
    expect(str(get(v, 'arr', 1))).toBe('two');
  });

  it('never evaluates code and returns undefined for broken input', () => {
    const src = `var a = { f: (function(){ throw 1 })(), g: alert(1) }; var b = {`;
    expect(parseLiteralAt(src, src.indexOf('{'))).toEqual({ f: undefined, g: undefined });
    expect(parseLiteralAt(src, src.lastIndexOf('{'))).toBeUndefined();
  });
});
