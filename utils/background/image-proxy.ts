// Cross-origin product images come out blank in a DOM re-render unless the extension fetches
// their bytes (it has host permissions for the image CDNs); the content script swaps them in.

const MAX_IMAGE_BYTES = 15 * 1024 * 1024;

export async function fetchImageAsDataUrl(url: string, fetchFn: typeof fetch = fetch, timeoutMs = 8000): Promise<string | undefined> {
  const u = new URL(url);
  if (u.protocol !== 'https:') return undefined;
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    const res = await fetchFn(u.href, { signal: ctrl.signal, credentials: 'omit' });
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok || !type.startsWith('image/')) return undefined;
    const buf = new Uint8Array(await res.arrayBuffer());
    if (buf.byteLength > MAX_IMAGE_BYTES) return undefined;
    let bin = '';
    for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
    return `data:${type.split(';')[0]};base64,${btoa(bin)}`;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

export async function fetchImagesAsDataUrls(urls: string[], fetchFn: typeof fetch = fetch): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const queue = [...new Set(urls)];
  const worker = async () => {
    for (let u = queue.shift(); u; u = queue.shift()) {
      const data = await fetchImageAsDataUrl(u, fetchFn);
      if (data) out[u] = data;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return out;
}
