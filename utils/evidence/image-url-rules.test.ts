import { describe, expect, it } from 'vitest';
import { imageUrlProblem, ipLiteralKind } from '@/utils/evidence/image-url-rules';

const rules = { hostDomains: ['alicdn.com'], pageOrigin: 'https://item.taobao.com' };

describe('imageUrlProblem', () => {
  it('allows https on the CDN domains and the page origin', () => {
    expect(imageUrlProblem('https://img.alicdn.com/a.jpg', rules)).toBeUndefined();
    expect(imageUrlProblem('https://alicdn.com/a.jpg', rules)).toBeUndefined();
    expect(imageUrlProblem('https://gw.img.alicdn.com:443/a.jpg', rules)).toBeUndefined();
    expect(imageUrlProblem('https://item.taobao.com/a.png', rules)).toBeUndefined();
  });

  it('refuses plain http, other hosts, look-alike domains, other ports and credentials', () => {
    expect(imageUrlProblem('http://img.alicdn.com/a.jpg', rules)).toMatch(/http is not fetched \(https only\)/);
    expect(imageUrlProblem('https://evil.example/a.jpg', rules)).toMatch(/evil\.example is neither the marketplace's image host nor the page's own origin/);
    expect(imageUrlProblem('https://evilalicdn.com/a.jpg', rules)).toMatch(/neither/);
    expect(imageUrlProblem('https://img.alicdn.com.evil.example/a.jpg', rules)).toMatch(/neither/);
    expect(imageUrlProblem('https://img.alicdn.com:8443/a.jpg', rules)).toMatch(/port 8443/);
    expect(imageUrlProblem('https://user:pw@img.alicdn.com/a.jpg', rules)).toMatch(/credentials/);
    expect(imageUrlProblem('ftp://img.alicdn.com/a.jpg', rules)).toMatch(/https only/);
    expect(imageUrlProblem('not a url', rules)).toBe('not a valid URL');
  });

  it('refuses private, loopback and link-local addresses in any spelling', () => {
    for (const host of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.9',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '[::1]',
      '[fe80::1]',
      '[fd00::5]',
      '[::ffff:127.0.0.1]',
      '[::]',
    ]) {
      expect(imageUrlProblem(`https://${host}/a.png`, rules), host).toMatch(/private, loopback or link-local address/);
    }
    // The URL parser normalises the odd spellings of 127.0.0.1 before the check sees them.
    expect(imageUrlProblem('https://0x7f.1/a.png', rules)).toMatch(/127\.0\.0\.1 is a private/);
    expect(imageUrlProblem('https://2130706433/a.png', rules)).toMatch(/127\.0\.0\.1 is a private/);
    expect(imageUrlProblem('https://8.8.8.8/a.png', rules)).toMatch(/is an IP address, not the marketplace's image host/);
  });
});

describe('ipLiteralKind', () => {
  it('tells private from public literals and ignores names', () => {
    expect(ipLiteralKind('172.15.0.1')).toBe('public');
    expect(ipLiteralKind('172.32.0.1')).toBe('public');
    expect(ipLiteralKind('[2001:db8::1]')).toBe('public');
    expect(ipLiteralKind('[::ffff:7f00:1]')).toBe('private');
    expect(ipLiteralKind('img.alicdn.com')).toBeUndefined();
  });
});
