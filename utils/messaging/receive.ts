import type { z } from 'zod';
import { browser } from '#imports';
import { messaging, type ProtocolMap } from '@/utils/messaging/protocol';
import { isFromContentScript, isFromExtensionPage, type SenderLike } from '@/utils/messaging/sender-check';

type Origin = 'content' | 'extension-page';
type Handler<K extends keyof ProtocolMap> = (
  data: Parameters<ProtocolMap[K]>[0],
  sender: SenderLike & { tab?: { id?: number; url?: string; windowId?: number } },
) => ReturnType<ProtocolMap[K]> | Promise<ReturnType<ProtocolMap[K]>>;

/**
 * Registers a background handler that first checks who sent the message and parses its payload
 * with the schema; anything else is rejected with an error naming the problem.
 */
export function receive<K extends keyof ProtocolMap>(name: K, from: Origin, schema: z.ZodType, handler: Handler<K>): void {
  messaging.onMessage(name, async (message) => {
    const sender = message.sender as SenderLike & { tab?: { id?: number; url?: string; windowId?: number } };
    const extensionId = browser.runtime.id;
    const allowed =
      from === 'content'
        ? isFromContentScript(sender, extensionId)
        : isFromExtensionPage(sender, extensionId, browser.runtime.getURL('/'));
    if (!allowed) throw new Error(`${String(name)}: rejected sender ${sender.url ?? sender.id ?? 'unknown'}`);
    const parsed = schema.safeParse(message.data);
    if (!parsed.success) throw new Error(`${String(name)}: invalid payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    // `Awaited` keeps @webext-core's return typing; the value was validated above.
    return (await handler(parsed.data as Parameters<ProtocolMap[K]>[0], sender)) as Awaited<ReturnType<ProtocolMap[K]>>;
  });
}
