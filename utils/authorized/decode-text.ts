// Lists come from Excel on Chinese Windows as often as from scripts: UTF-8 (with or without BOM)
// or GB18030. Valid UTF-8 is taken as UTF-8 (GB18030 text is practically never valid UTF-8),
// anything else is read as GB18030, a superset of GBK and GB2312.

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export async function readBlobText(blob: Blob): Promise<string> {
  return decodeText(new Uint8Array(await blob.arrayBuffer()));
}
