import JSZip from 'jszip';

// Unpacks a zip into path -> bytes, lets a test change the files, and packs them again: tampering
// at the content level, the way someone editing an unpacked package would.

export async function unzipAll(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, Uint8Array>();
  for (const f of Object.values(zip.files)) if (!f.dir) files.set(f.name, await f.async('uint8array'));
  return files;
}

export async function zipAll(files: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of files) zip.file(name, data, { createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}

export async function rezip(bytes: Uint8Array, mutate: (files: Map<string, Uint8Array>) => void | Promise<void>): Promise<Uint8Array> {
  const files = await unzipAll(bytes);
  await mutate(files);
  return zipAll(files);
}

export const text = (data: Uint8Array | undefined) => new TextDecoder().decode(data);
export const bytesOf = (s: string) => new TextEncoder().encode(s);
