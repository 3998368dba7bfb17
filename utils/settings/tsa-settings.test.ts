import { describe, expect, it } from 'vitest';
import { isLoopback, originPattern, parseTsaList, tsaEndpoints } from '@/utils/settings/tsa-settings';
import { DEFAULT_TSA_URLS } from '@/utils/settings/settings';

describe('TSA settings', () => {
  it('reads one URL per line in order, skipping blanks and repeats', () => {
    expect(parseTsaList(' http://127.0.0.1:8080/tsa \n\nhttps://freetsa.org/tsr\r\nhttp://127.0.0.1:8080/tsa\n')).toEqual({
      ok: true,
      urls: ['http://127.0.0.1:8080/tsa', 'https://freetsa.org/tsr'],
    });
  });

  it('names the line that is not an http(s) URL', () => {
    expect(parseTsaList('https://freetsa.org/tsr\ntimestamp.digicert.com')).toMatchObject({ ok: false, line: 2 });
    expect(parseTsaList('ftp://x.example/tsa')).toMatchObject({ ok: false, line: 1 });
    expect(parseTsaList('https://u:p@tsa.example/')).toMatchObject({ ok: false, line: 1 });
  });

  it('sends credentials only to TSAs the user added', () => {
    const eps = tsaEndpoints({ tsaUrls: ['https://tsa.example.cn/tsa', DEFAULT_TSA_URLS[0]!] }, { username: 'firm', password: 'secret' });
    expect(eps).toEqual([{ url: 'https://tsa.example.cn/tsa', username: 'firm', password: 'secret' }, { url: DEFAULT_TSA_URLS[0] }]);
  });

  it('knows loopback hosts and the permission pattern of a TSA', () => {
    expect(isLoopback('http://127.0.0.1:9999/')).toBe(true);
    expect(isLoopback('http://localhost:1/x')).toBe(true);
    expect(isLoopback('http://timestamp.digicert.com')).toBe(false);
    expect(originPattern('http://timestamp.digicert.com')).toBe('http://timestamp.digicert.com/*');
  });
});
