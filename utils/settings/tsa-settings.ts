import { DEFAULT_TSA_URLS, type Settings } from '@/utils/settings/settings';
import type { TsaCredentials } from '@/utils/settings/tsa-credentials';

// The TSA list as the settings textarea holds it (one URL per line) and as the timestamp client
// takes it. Credentials go only to TSAs the user added: a firm's tsa.cn password must never be
// sent to a public service.

export interface TsaEndpointSetting {
  url: string;
  username?: string;
  password?: string;
}

export type TsaLineProblem = 'not-a-url' | 'not-http' | 'credentials-in-url';
export type TsaListParse = { ok: true; urls: string[] } | { ok: false; line: number; problem: TsaLineProblem; value: string; error: string };

/** One URL per line, blank lines ignored; the first bad line is named (1-based). */
export function parseTsaList(text: string): TsaListParse {
  const urls: string[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    let url: URL;
    try {
      url = new URL(line);
    } catch {
      return { ok: false, line: i + 1, problem: 'not-a-url', value: line, error: `line ${i + 1}: "${line}" is not a URL` };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return { ok: false, line: i + 1, problem: 'not-http', value: line, error: `line ${i + 1}: ${url.protocol} is not http or https` };
    if (url.username || url.password)
      return {
        ok: false,
        line: i + 1,
        problem: 'credentials-in-url',
        value: line,
        error: `line ${i + 1}: put credentials in the user name and password fields, not in the URL`,
      };
    if (!urls.includes(line)) urls.push(line);
  }
  return { ok: true, urls };
}

/** A loopback TSA (tests, a firm's own relay) needs no permission prompt. */
export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/** The host permission pattern a TSA URL needs (`http://timestamp.digicert.com/*`). */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

export function tsaEndpoints(settings: Pick<Settings, 'tsaUrls'>, credentials: TsaCredentials): TsaEndpointSetting[] {
  return settings.tsaUrls.map((url) =>
    credentials.username && !DEFAULT_TSA_URLS.includes(url) ? { url, username: credentials.username, password: credentials.password } : { url },
  );
}
