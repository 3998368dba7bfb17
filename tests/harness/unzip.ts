import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';

/** Unpacks a zip into a folder (for `sha256sum -c` and opening report.html from disk). */
export async function unzipTo(bytes: Uint8Array, dir: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names: string[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const target = join(dir, entry.name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await entry.async('uint8array'));
    names.push(entry.name);
  }
  return names;
}
