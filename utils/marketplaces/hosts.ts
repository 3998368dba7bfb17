// Relative imports: wxt.config.ts loads this file before the '@/' alias exists.
import { JD_IMAGE_HOSTS } from './jd/image-hosts';
import { PDD_IMAGE_HOSTS } from './pdd/image-hosts';
import { TAOBAO_IMAGE_HOSTS } from './taobao/image-hosts';
import { TMALL_IMAGE_HOSTS } from './tmall/image-hosts';

// The marketplace origins the extension runs on: the manifest's host permissions and the
// content scripts' match patterns are both derived from this one list.
export const MARKETPLACE_HOSTS = [
  'https://item.taobao.com/*',
  'https://s.taobao.com/*',
  'https://detail.tmall.com/*',
  'https://detail.m.tmall.com/*',
  'https://list.tmall.com/*',
  'https://item.jd.com/*',
  'https://search.jd.com/*',
  'https://mobile.yangkeduo.com/*',
  'https://mobile.pinduoduo.com/*',
  // Buyer-side web chat (旺旺, 咚咚); Pinduoduo's chat is on mobile.yangkeduo.com above.
  'https://market.m.taobao.com/*',
  'https://im.taobao.com/*',
  'https://h5.m.taobao.com/*',
  'https://chat.jd.com/*',
  'https://jdcs.jd.com/*',
];

// The chat pages themselves: the chat content script runs here and the listing scripts do not
// (one panel per page). Other pages of these hosts get the listing panel and its chat picker.
export const CHAT_PAGE_MATCHES = [
  'https://market.m.taobao.com/app/im/*',
  'https://im.taobao.com/*',
  'https://h5.m.taobao.com/ww/*',
  'https://chat.jd.com/*',
  'https://jdcs.jd.com/*',
  'https://mobile.yangkeduo.com/chat_detail.html*',
  'https://mobile.pinduoduo.com/chat_detail.html*',
];

// Image CDNs: the extension fetches product images itself (full size, hashed, and so a DOM
// re-render of the page is not blank), which needs host permission for these origins. Each
// marketplace's folder names its CDN domains; the adapters carry the same lists.
export const IMAGE_CDN_HOSTS = [...new Set([...TAOBAO_IMAGE_HOSTS, ...TMALL_IMAGE_HOSTS, ...JD_IMAGE_HOSTS, ...PDD_IMAGE_HOSTS])].map(
  (d) => `https://*.${d}/*`,
);
