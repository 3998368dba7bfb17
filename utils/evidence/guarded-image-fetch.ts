import type { FetchLike } from '@/utils/evidence/fetch-images';
import { imageUrlProblem, type ImageUrlRules } from '@/utils/evidence/image-url-rules';

// The background's fetch for one capture's images (product images, the re-render's copies, chat
// images): every URL and every redirect hop passes the rules in image-url-rules.ts, redirects are
// followed by hand (redirect: 'manual'), and the bytes are capped per image, per capture and in
// number of requests. A refusal is an error naming why, which the callers turn into a warning.

export interface ImageFetchBudget {
  maxRequests: number;
  maxImageBytes: number;
  maxTotalBytes: number;
  maxRedirects: number;
}

export const CAPTURE_IMAGE_BUDGET: ImageFetchBudget = {
  maxRequests: 400,
  maxImageBytes: 15 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxRedirects: 3,
};

const MB = 1024 * 1024;

async function readCapped(res: Response, cap: number, over: (n: number) => string | undefined): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > cap) throw new Error(`larger than ${cap} bytes (${declared} declared)`);
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    const problem = size > cap ? `larger than ${cap} bytes` : over(size);
    if (problem) {
      await reader.cancel().catch(() => undefined);
      throw new Error(problem);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

export interface GuardedImageFetch extends FetchLike {
  /** bytes and requests used so far by this capture */
  used(): { requests: number; bytes: number };
}

export function guardedImageFetch(fetch: FetchLike, rules: ImageUrlRules, budget: ImageFetchBudget = CAPTURE_IMAGE_BUDGET): GuardedImageFetch {
  let requests = 0;
  let total = 0;
  const guarded = async (url: string, init: Parameters<FetchLike>[1] = {}): Promise<Response> => {
    let current = url;
    for (let hop = 0; ; hop++) {
      const problem = imageUrlProblem(current, rules);
      if (problem) throw new Error(hop === 0 ? `not fetched: ${problem}` : `redirect to ${current} not followed: ${problem}`);
      if (requests >= budget.maxRequests) throw new Error(`not fetched: the capture's ${budget.maxRequests} image requests are used up`);
      if (total >= budget.maxTotalBytes) throw new Error(`not fetched: the capture's ${budget.maxTotalBytes / MB} MB of images are used up`);
      requests++;
      const res = await fetch(current, { ...init, redirect: 'manual' });
      const redirected = res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400);
      if (!redirected) {
        const bytes = await readCapped(res, budget.maxImageBytes, (n) =>
          total + n > budget.maxTotalBytes ? `over the capture's ${budget.maxTotalBytes / MB} MB of images` : undefined,
        );
        total += bytes.byteLength;
        return new Response(bytes, { status: res.status, statusText: res.statusText, headers: res.headers });
      }
      const location = res.headers.get('location');
      // Chromium answers a manual redirect with an opaque one (status 0, no Location, checked in
      // Chromium 14x from the service worker): nowhere to check, so it is not followed at all.
      if (!location) throw new Error('redirected to a place the browser does not show the extension; not followed');
      if (hop >= budget.maxRedirects) throw new Error(`more than ${budget.maxRedirects} redirects`);
      current = new URL(location, current).href;
    }
  };
  return Object.assign(guarded, { used: () => ({ requests, bytes: total }) });
}
