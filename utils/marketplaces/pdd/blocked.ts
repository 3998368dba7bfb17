import { PDD_BLOCKED } from '@/utils/marketplaces/pdd/selectors';
import { isRateLimited } from '@/utils/marketplaces/blocked-pages';

// Logged-out and verification pages are normal states of a Pinduoduo session, not errors.
// Called only when the page holds no goods state, so real goods pages never pay for the text scan.

export function detectPddBlocked(doc: Document, url: URL): 'login-required' | 'captcha' | undefined {
  if (PDD_BLOCKED.captchaPaths.test(url.pathname)) return 'captcha';
  if (PDD_BLOCKED.loginPaths.test(url.pathname)) return 'login-required';
  if (doc.querySelector(PDD_BLOCKED.captchaDom)) return 'captcha';
  const text = `${doc.title} ${doc.body?.textContent ?? ''}`;
  if (PDD_BLOCKED.captchaText.some((t) => text.includes(t)) || isRateLimited(doc)) return 'captcha';
  if (doc.querySelector(PDD_BLOCKED.loginDom)) return 'login-required';
  return undefined;
}
