import { crc32, deflateSync } from 'node:zlib';

// A minimal PNG encoder (8-bit RGB, no filter) so the capture bench can serve real-sized product
// images without a binary fixture in the repository.

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A width x height image: a colour gradient seeded by `seed` with a little per-pixel noise, so
 * it compresses like a photo-ish product shot (hundreds of KB), not like a flat colour (a few KB).
 */
export function productPng(width: number, height: number, seed: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let s = seed * 2_654_435_761 + 1;
  const [r0, g0, b0] = [(seed * 53) % 256, (seed * 97) % 256, (seed * 31) % 256];
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      s = (s * 1_103_515_245 + 12_345) >>> 0;
      const noise = (s >>> 24) & 3;
      const o = row + 1 + x * 3;
      raw[o] = (r0 + (x >> 2) + noise) & 255;
      raw[o + 1] = (g0 + (y >> 2)) & 255;
      raw[o + 2] = (b0 + ((x + y) >> 3)) & 255;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, RGB, deflate, no filter method, no interlace
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 3 })), chunk('IEND', Buffer.alloc(0))]);
}
