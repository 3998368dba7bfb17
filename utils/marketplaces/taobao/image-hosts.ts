// Where this marketplace serves listing images: Alibaba's image CDN (img.alicdn.com, gw.alicdn.com, ...), shared by Taobao and Tmall.
// The background fetches images only from these domains (and their subdomains) and the page's
// own origin; the manifest's image host permissions are built from the same list.
export const TAOBAO_IMAGE_HOSTS: readonly string[] = ['alicdn.com'];
