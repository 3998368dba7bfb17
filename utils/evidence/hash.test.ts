import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@/utils/evidence/hash';

const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('sha256Hex', () => {
  it('hashes every input kind to the same digest for the same bytes', async () => {
    const bytes = new TextEncoder().encode('abc');
    expect(await sha256Hex('abc')).toBe(ABC);
    expect(await sha256Hex(bytes)).toBe(ABC);
    expect(await sha256Hex(bytes.buffer)).toBe(ABC);
    expect(await sha256Hex(new Blob([bytes]))).toBe(ABC);
  });
  it('hashes only the bytes a view shows', async () => {
    const big = new TextEncoder().encode('xxabcxx');
    expect(await sha256Hex(big.subarray(2, 5))).toBe(ABC);
  });
  it('hashes UTF-8 text', async () => {
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex('旗舰店')).toBe(await sha256Hex(new TextEncoder().encode('旗舰店')));
  });
});
