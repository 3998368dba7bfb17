import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCappedBytes, readCappedText, TooLarge } from '@/utils/authorized/sync-body';

// A real server sends a 3 MB body with and without Content-Length; the reader must end with one
// buffer of exactly the body's size (no doubling growth, no leftover chunk copies).

const BODY = Buffer.alloc(3_000_000, 'a');
const server = createServer((req, res) => {
  if (req.url === '/sized') res.writeHead(200, { 'Content-Length': String(BODY.length) }).end(BODY);
  else {
    res.writeHead(200); // chunked
    for (let at = 0; at < BODY.length; at += 100_000) res.write(BODY.subarray(at, at + 100_000));
    res.end();
  }
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('reading a list body', () => {
  it('fills one buffer of the declared size when the server says the length', async () => {
    const bytes = await readCappedBytes(await fetch(`${base}/sized`), 10_000_000);
    expect(bytes.byteLength).toBe(BODY.length);
    expect(bytes.buffer.byteLength).toBe(BODY.length);
  });

  it('joins the chunks once into a buffer of the body size when it does not', async () => {
    const bytes = await readCappedBytes(await fetch(`${base}/chunked`), 10_000_000);
    expect(bytes.byteLength).toBe(BODY.length);
    expect(bytes.buffer.byteLength).toBe(BODY.length);
    expect((await readCappedText(await fetch(`${base}/chunked`), 10_000_000)).text).toBe(BODY.toString());
  });

  it('stops at the cap either way', async () => {
    await expect(readCappedBytes(await fetch(`${base}/sized`), 1_000_000)).rejects.toBeInstanceOf(TooLarge);
    await expect(readCappedBytes(await fetch(`${base}/chunked`), 1_000_000)).rejects.toBeInstanceOf(TooLarge);
  });
});
