import { isRateLimited } from '@/utils/marketplaces/blocked-pages';

// Logged-out and anti-bot pages are normal states on Taobao/Tmall, not crashes. These checks
// run only when a page did not yield a listing, so an item page under a dismissable overlay
// still extracts.

const LOGIN_HOSTS = /^(login|passport)\.(taobao|tmall)\.com$/i;
const LOGIN_SELECTORS = [
  '#J_LoginBox',
  '.login-box',
  '#login-form',
  'form[action*="login.taobao.com"]',
  'form[action*="login.tmall.com"]',
  'iframe[src*="login.taobao.com"]',
  'iframe[src*="login.tmall.com"]',
  'iframe[src*="passport.taobao.com"]',
].join(', ');
const CAPTCHA_SELECTORS = [
  '#nocaptcha',
  '.nc_wrapper',
  '[id^="nc_1_"]',
  '.baxia-dialog',
  '#baxia-punish',
  'form[action*="_____tmd_____"]',
  'iframe[src*="_____tmd_____"]',
  'iframe[src*="punish"]',
].join(', ');
const CAPTCHA_TEXT = /x5secdata|_____tmd_____|punish\?|baxia-punish/;

function metaRefreshTarget(doc: Document): string {
  return doc.querySelector('meta[http-equiv="refresh" i]')?.getAttribute('content') ?? '';
}

export function isCaptchaPage(doc: Document, url: URL): boolean {
  if (url.pathname.includes('_____tmd_____') || url.searchParams.has('x5secdata')) return true;
  if (doc.querySelector(CAPTCHA_SELECTORS)) return true;
  if (CAPTCHA_TEXT.test(metaRefreshTarget(doc))) return true;
  for (const script of Array.from(doc.scripts)) {
    const text = script.src || script.textContent || '';
    if (text.length < 20000 && CAPTCHA_TEXT.test(text)) return true;
  }
  return false;
}

export function isLoginPage(doc: Document, url: URL, stateNeedsLogin = false): boolean {
  if (stateNeedsLogin || LOGIN_HOSTS.test(url.hostname)) return true;
  if (doc.querySelector(LOGIN_SELECTORS)) return true;
  return /login\.(taobao|tmall)\.com/i.test(metaRefreshTarget(doc));
}

/** Why a page that gave no listing is blocked, if it is. Captcha first: punish pages also link to login. */
export function blockedReason(doc: Document, url: URL, stateNeedsLogin = false): 'login-required' | 'captcha' | undefined {
  if (isCaptchaPage(doc, url) || isRateLimited(doc)) return 'captcha';
  if (isLoginPage(doc, url, stateNeedsLogin)) return 'login-required';
  return undefined;
}
