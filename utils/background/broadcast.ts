import { browser } from '#imports';
import { messaging } from '@/utils/messaging/protocol';
import { MARKETPLACE_HOSTS } from '@/utils/marketplaces/hosts';

/** Tells every open marketplace tab to judge its listings again (the authorized list changed). */
export async function broadcastListChanged(): Promise<void> {
  const tabs = await browser.tabs.query({ url: MARKETPLACE_HOSTS });
  await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : messaging.sendMessage('tabListChanged', {}, t.id).catch(() => undefined))));
}
