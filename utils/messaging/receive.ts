import { browser } from '#imports';
import { MESSAGES, messaging, type MessageName, type Origin, type PayloadOf, type ReplyOf } from '@/utils/messaging/protocol';
import { isFromExtensionContext, isFromContentScript, isFromExtensionPage, type SenderLike } from '@/utils/messaging/sender-check';

export type MessageSender = SenderLike & { tab?: { id?: number; url?: string; windowId?: number } };
type Handler<K extends MessageName> = (data: PayloadOf<K>, sender: MessageSender) => ReplyOf<K> | Promise<ReplyOf<K>>;

/** Whether `sender` may send a message that the protocol says comes from `from`. */
export function senderAllowed(from: Origin, sender: MessageSender, extensionId: string, extensionOrigin: string): boolean {
  if (from === 'content') return isFromContentScript(sender, extensionId);
  if (from === 'extension-page') return isFromExtensionPage(sender, extensionId, extensionOrigin);
  return isFromExtensionContext(sender, extensionId);
}

/** Parses a payload with the protocol's schema for `name`; the error names each bad field. */
export function parsePayload<K extends MessageName>(name: K, data: unknown): PayloadOf<K> {
  const parsed = MESSAGES[name].payload.safeParse(data);
  if (!parsed.success) throw new Error(`${name}: invalid payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data as PayloadOf<K>;
}

/**
 * Registers a handler that first checks who sent the message (the protocol map says who may) and
 * parses its payload with the map's schema; anything else is rejected with an error naming the
 * problem. Used by the background and by content scripts alike; returns the unsubscribe function.
 */
export function receive<K extends MessageName>(name: K, handler: Handler<K>): () => void {
  // @webext-core types each listener by name; the map guarantees the pairing, so one cast here.
  const on = messaging.onMessage as (n: K, cb: (m: { data: unknown; sender: unknown }) => Promise<ReplyOf<K>>) => () => void;
  return on(name, async (m) => {
    const sender = m.sender as MessageSender;
    if (!senderAllowed(MESSAGES[name].from, sender, browser.runtime.id, browser.runtime.getURL('/'))) {
      throw new Error(`${name}: rejected sender ${sender.url ?? sender.id ?? 'unknown'}`);
    }
    return handler(parsePayload(name, m.data), sender);
  });
}
