// Where this marketplace serves listing images: Pinduoduo's image CDNs (img.pddpic.com, t00img.yangkeduo.com, ...).
// The background fetches images only from these domains (and their subdomains) and the page's
// own origin; the manifest's image host permissions are built from the same list.
export const PDD_IMAGE_HOSTS: readonly string[] = ['pddpic.com', 'yangkeduo.com'];
