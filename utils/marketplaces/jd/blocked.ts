import { inlineScripts } from '@/utils/marketplaces/embedded-state';
import { JD_BLOCKED } from '@/utils/marketplaces/jd/selectors';
import { isRateLimited } from '@/utils/marketplaces/blocked-pages';

// Login walls and risk (captcha) checks are normal states of a JD session, not errors.
// Called only when the page carries no item state, so a real item page never pays for it.

export function detectJdBlocked(doc: Document, url: URL): 'login-required' | 'captcha' | undefined {
  if ((JD_BLOCKED.captchaHosts as readonly string[]).includes(url.hostname)) return 'captcha';
  if ((JD_BLOCKED.loginHosts as readonly string[]).includes(url.hostname)) return 'login-required';
  // the login page embeds a slider of its own, so a login form wins over captcha markers
  if (doc.querySelector(JD_BLOCKED.loginForm)) return 'login-required';
  if (doc.querySelector(JD_BLOCKED.captchaDom)) return 'captcha';
  const text = `${doc.title} ${doc.body?.textContent ?? ''}`;
  if (JD_BLOCKED.captchaText.some((t) => text.includes(t)) || isRateLimited(doc)) return 'captcha';
  if (inlineScripts(doc).some((s) => s.includes(JD_BLOCKED.loginScriptNeedle))) return 'login-required';
  return undefined;
}
