import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { md5 } from '@/utils/locker/md5';
import { md5Base64 } from '@/utils/locker/checksums';
import { seededRandom } from '@/tests/helpers/make-capture';

const hex = (u: Uint8Array) => Buffer.from(u).toString('hex');
const text = (s: string) => new TextEncoder().encode(s);

describe('md5', () => {
  it('gives the RFC 1321 test suite digests', () => {
    // RFC 1321, appendix A.5
    const suite: [string, string][] = [
      ['', 'd41d8cd98f00b204e9800998ecf8427e'],
      ['a', '0cc175b9c0f1b6a831c399e269772661'],
      ['abc', '900150983cd24fb0d6963f7d28e17f72'],
      ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
      ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
      ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
      ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', '57edf4a22be3c955ac49da2e2107b67a'],
    ];
    for (const [input, digest] of suite) expect(hex(md5(text(input))), JSON.stringify(input)).toBe(digest);
  });

  it('agrees with node:crypto at every padding boundary and on larger random inputs', () => {
    const random = seededRandom(7);
    const lengths = [55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 65_537, 1_048_577];
    for (const n of lengths) {
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
      expect(hex(md5(bytes)), `${n} bytes`).toBe(createHash('md5').update(bytes).digest('hex'));
    }
  });

  it('reads a subarray by its own offset (multipart parts are views of one buffer)', () => {
    const whole = text('xxxxabcxxxx');
    expect(md5Base64(whole.subarray(4, 7))).toBe(createHash('md5').update('abc').digest('base64'));
    // unaligned views take the copying path, across several 64 KB chunks
    const random = seededRandom(11);
    const big = Uint8Array.from({ length: 300_003 }, () => Math.floor(random() * 256));
    for (const from of [1, 2, 3, 4]) expect(hex(md5(big.subarray(from))), `offset ${from}`).toBe(createHash('md5').update(big.subarray(from)).digest('hex'));
  });
});
