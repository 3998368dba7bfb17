import type { ChatReader } from '@/utils/chat/readers/reader';
import { taobaoWangwangReader } from '@/utils/chat/readers/taobao-wangwang';
import { jdDongdongReader } from '@/utils/chat/readers/jd-dongdong';
import { pddChatReader } from '@/utils/chat/readers/pdd-chat';

// Every platform chat reader, in the order they are asked. The generic reader is not listed:
// it never claims a URL and runs only on a container the user picked.

export const CHAT_READERS: readonly ChatReader[] = [taobaoWangwangReader, jdDongdongReader, pddChatReader];

/** Example chat URLs each reader alone must claim (the routing test checks them). */
export const CHAT_READER_EXAMPLES: Record<string, string[]> = {
  'taobao-wangwang': [
    'https://market.m.taobao.com/app/im/chat/index.html?toId=2219315280500',
    'https://im.taobao.com/webww/chat.htm?touid=cntaobao%E5%9B%9E%E5%8A%9B',
  ],
  'jd-dongdong': ['https://chat.jd.com/index.action?venderId=1000381022&entry=jd_sdk_item', 'https://jdcs.jd.com/chat/index.action?venderId=1000381022'],
  'pdd-chat': ['https://mobile.yangkeduo.com/chat_detail.html?mall_id=877317613&goods_id=382615477777'],
};

export function chatReaderFor(url: URL | string, doc: Document, readers: readonly ChatReader[] = CHAT_READERS): ChatReader | undefined {
  return readers.find((r) => r.matches(url, doc));
}
