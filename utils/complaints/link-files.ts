import type { Platform } from '@/utils/model/listing';
import { canonicalItemUrl } from '@/utils/marketplaces/canonical-url';
import type { Channel } from '@/utils/complaints/channels';

// Link files for a portal's bulk form: one canonical URL per line, each listing once, at most
// 300 per file (Alibaba IPP's limit per complaint), numbered <channel>-001.txt, -002 ...

export const LINKS_PER_FILE = 300;

export interface LinkFile {
  path: string;
  urls: string[];
  text: string;
}

export function linkFiles(channel: Channel, listings: readonly { platform: Platform; itemId: string }[], perFile = LINKS_PER_FILE): LinkFile[] {
  const urls = [...new Set(listings.map((l) => canonicalItemUrl(l.platform, l.itemId)))];
  const files: LinkFile[] = [];
  for (let start = 0; start < urls.length; start += perFile) {
    const chunk = urls.slice(start, start + perFile);
    const n = String(files.length + 1).padStart(3, '0');
    files.push({ path: `links/${channel}-${n}.txt`, urls: chunk, text: chunk.join('\r\n') + '\r\n' });
  }
  return files;
}
