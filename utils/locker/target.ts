import type { SigningKeys } from '@/utils/locker/s3-request';
import type { LockerSettings } from '@/utils/locker/settings';

// Where requests go: path-style `<endpoint>/<bucket>/<key>` (contract §6.2), keys signed per call.

export interface LockerTarget {
  origin: string;
  bucket: string;
  keys: SigningKeys;
}

/** The endpoint as an origin (no trailing slash): requests go to `<origin>/<bucket>/<key>`. */
export function endpointOrigin(s: Pick<LockerSettings, 'endpoint'>): string {
  return new URL(s.endpoint.trim()).origin;
}

export function lockerTarget(s: LockerSettings): LockerTarget {
  return {
    origin: endpointOrigin(s),
    bucket: s.bucket,
    keys: { accessKeyId: s.accessKey.trim(), secretAccessKey: s.secretKey, region: s.region, service: 's3' },
  };
}

/** `listingproof/<keyId>/<captureId>/<path in the capture folder>` (contract §6.5) */
export function objectKey(keyId: string, captureId: string, path: string): string {
  return `listingproof/${keyId}/${captureId}/${path}`;
}

export function bucketUrl(t: LockerTarget, query = ''): string {
  return `${t.origin}/${encodeURIComponent(t.bucket)}${query}`;
}

export function objectUrl(t: LockerTarget, key: string, query = ''): string {
  return `${bucketUrl(t)}/${key.split('/').map(encodeURIComponent).join('/')}${query}`;
}
