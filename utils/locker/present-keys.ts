import { sendCall, xmlValue } from '@/utils/locker/s3-request';
import { bucketUrl, type LockerTarget } from '@/utils/locker/target';

// Which objects a capture's folder already holds, in one ListObjectsV2 (1,000 keys a page) instead
// of a HEAD before every PUT. Ceph 16 ignores `If-None-Match: *` on PUT (a second PUT makes a
// second version), so a conditional PUT cannot replace the check; a file found here is still
// HEADed and compared by its sha256 before anything is decided.

export async function presentKeys(t: LockerTarget, prefix: string): Promise<Set<string>> {
  const keys = new Set<string>();
  let token = '';
  do {
    const query = `?list-type=2&prefix=${encodeURIComponent(prefix)}${token ? `&continuation-token=${encodeURIComponent(token)}` : ''}`;
    const xml = await (await sendCall(t.keys, { method: 'GET', url: bucketUrl(t, query) }, `listing ${prefix}`)).text();
    for (const m of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
      const key = xmlValue(m[1]!, 'Key');
      if (key !== undefined) keys.add(key.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    }
    token = xmlValue(xml, 'IsTruncated') === 'true' ? (xmlValue(xml, 'NextContinuationToken') ?? '') : '';
  } while (token);
  return keys;
}
