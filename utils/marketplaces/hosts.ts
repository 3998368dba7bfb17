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
];

// Image CDNs: the extension fetches product images itself (full size, hashed, and so a DOM
// re-render of the page is not blank), which needs host permission for these origins.
export const IMAGE_CDN_HOSTS = [
  'https://*.alicdn.com/*',
  'https://*.360buyimg.com/*',
  'https://*.pddpic.com/*',
  'https://*.yangkeduo.com/*',
];
