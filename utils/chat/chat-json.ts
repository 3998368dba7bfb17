import { chatJsonSchema, type ChatJson } from '@/utils/model/chat';
import type { Conversation } from '@/utils/chat/read-conversation';

// From a read conversation to chat.json (contract §3): image URLs become the zip paths the
// background stored their bytes under. Images that could not be fetched keep their URL in
// `imageUrls` and simply have no path.

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/bmp': 'bmp',
  'image/svg+xml': 'svg',
  'image/heic': 'heic',
};

export interface FetchedImage {
  url: string;
  /** the response's media type; decides the file extension */
  mediaType: string;
}

/** Zip paths for fetched images, numbered in conversation order: `images/001.png`. */
export function assignImagePaths(fetched: readonly FetchedImage[], folder = 'images'): Map<string, string> {
  const paths = new Map<string, string>();
  for (const image of fetched) {
    if (paths.has(image.url)) continue;
    const type = image.mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
    const ext = EXTENSIONS[type] ?? 'bin';
    paths.set(image.url, `${folder}/${String(paths.size + 1).padStart(3, '0')}.${ext}`);
  }
  return paths;
}

export interface ChatJsonExtras {
  capturedAt?: string;
}

export function toChatJson(conversation: Conversation, imagePaths: ReadonlyMap<string, string>, extras: ChatJsonExtras = {}): ChatJson {
  const messages = conversation.messages.map((m) => {
    const { imageUrls, links, ...rest } = m;
    return {
      ...rest,
      images: imageUrls.map((u) => imagePaths.get(u)).filter((p): p is string => p !== undefined),
      ...(imageUrls.length > 0 ? { imageUrls } : {}),
      ...(links.length > 0 ? { links } : {}),
    };
  });
  return chatJsonSchema.parse({
    platform: conversation.platform,
    shop: conversation.shop,
    messages,
    ...(conversation.sellerNick ? { sellerNick: conversation.sellerNick } : {}),
    ...(conversation.itemLink ? { itemLink: conversation.itemLink } : {}),
    url: conversation.url,
    ...(extras.capturedAt ? { capturedAt: extras.capturedAt } : {}),
    reader: conversation.reader,
    messageCount: messages.length,
    complete: conversation.complete,
    stoppedReason: conversation.stoppedReason,
    utcOffsetMinutes: conversation.utcOffsetMinutes,
  });
}
