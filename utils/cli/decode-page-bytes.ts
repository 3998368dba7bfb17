// Saved pages often declare charset=gbk yet hold UTF-8 bytes (re-saved by a tool), and some are
// real GBK. Sniff: a BOM wins, then valid UTF-8, then the declared charset, then GB18030.

const decoderFor = (label: string, fatal: boolean) => new TextDecoder(label, { fatal });

export function decodePageBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decoderFor('utf-8', false).decode(bytes.subarray(3));
  try {
    return decoderFor('utf-8', true).decode(bytes);
  } catch {
    // not UTF-8: fall through to the declared or the usual Chinese legacy encoding
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const label = declared && declared !== 'utf-8' && declared !== 'utf8' ? declared : 'gb18030';
  try {
    return decoderFor(label === 'gbk' || label === 'gb2312' ? 'gb18030' : label, false).decode(bytes);
  } catch {
    return decoderFor('gb18030', false).decode(bytes);
  }
}
