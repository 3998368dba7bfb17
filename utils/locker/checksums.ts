import { md5 } from '@/utils/locker/md5';

// Checksums the locker verifies: Content-MD5 (base64, checked by RGW and S3: BadDigest) and the
// signed x-amz-content-sha256 (hex). Ceph 16 ignores x-amz-checksum-sha256, so it is not sent.

export function md5Base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of md5(bytes)) s += String.fromCharCode(b);
  return btoa(s);
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  let hex = '';
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, '0');
  return hex;
}
