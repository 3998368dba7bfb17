// Where this marketplace serves listing images: JD's image CDN (img10.360buyimg.com, ...).
// The background fetches images only from these domains (and their subdomains) and the page's
// own origin; the manifest's image host permissions are built from the same list.
export const JD_IMAGE_HOSTS: readonly string[] = ['360buyimg.com'];
