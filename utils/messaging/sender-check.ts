import { MARKETPLACE_HOSTS } from '@/utils/marketplaces/hosts';

// Every message is untrusted until its sender is checked: it must come from this extension,
// and content messages from a tab on a marketplace host (a compromised page elsewhere, or
// another extension, gets nothing).

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  origin?: string;
}

const hostPatterns = MARKETPLACE_HOSTS.map((p) => new URL(p.replace('/*', '/')).host);

export function isMarketplaceUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && hostPatterns.includes(u.host);
  } catch {
    return false;
  }
}

export function isFromContentScript(sender: SenderLike, extensionId: string): boolean {
  return sender.id === extensionId && typeof sender.tab?.id === 'number' && isMarketplaceUrl(sender.url ?? sender.tab?.url);
}

export function isFromExtensionPage(sender: SenderLike, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && !!sender.url && sender.url.startsWith(extensionOrigin) && !sender.tab?.url?.startsWith('http');
}

/** Messages to a content script come from this extension: its background or one of its pages (never a tab). */
export function isFromExtensionContext(sender: SenderLike, extensionId: string): boolean {
  return sender.id === extensionId && sender.tab === undefined;
}
