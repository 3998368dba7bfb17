import { signCall } from '@/utils/locker/s3-request';
import { isLockerSet, loadLockerSettings, type LockerSettings } from '@/utils/locker/settings';
import { bucketUrl, lockerTarget } from '@/utils/locker/target';

// A brand may publish its list (and the list's signature) in the team locker itself, a private
// bucket: requests to the locker's bucket are signed with the locker's keys, any other URL is
// fetched as it is. The list and its `.sig` then stay versioned and write-once beside the evidence.

export function lockerSigningFetch(settings: LockerSettings, base: typeof fetch = (i, init) => fetch(i, init)): typeof fetch {
  const target = lockerTarget(settings);
  const prefix = `${bucketUrl(target)}/`;
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(prefix)) return base(input, init);
    const method = init?.method ?? 'GET';
    const signed = await signCall(target.keys, { method, url, headers: Object.fromEntries(new Headers(init?.headers)) });
    return base(signed.url, { ...init, method, headers: signed.headers });
  };
}

/** fetch that signs requests to the configured locker's bucket (plain fetch when no locker is set). */
export async function lockerAwareFetch(): Promise<typeof fetch> {
  const { settings } = await loadLockerSettings().catch(() => ({ settings: undefined }));
  return settings && isLockerSet(settings) ? lockerSigningFetch(settings) : (i, init) => fetch(i, init);
}
