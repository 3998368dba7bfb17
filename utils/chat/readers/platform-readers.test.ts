import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { loadDocument, ownFixture } from '@/tests/helpers/load-page';
import type { RawChatMessage } from '@/utils/model/chat';
import { CHAT_READERS, CHAT_READER_EXAMPLES, chatReaderFor } from '@/utils/chat/readers/registry';
import { taobaoWangwangReader } from '@/utils/chat/readers/taobao-wangwang';
import { jdDongdongReader } from '@/utils/chat/readers/jd-dongdong';
import { pddChatReader } from '@/utils/chat/readers/pdd-chat';
import type { ChatReader } from '@/utils/chat/readers/reader';

const TAOBAO_URL = 'https://market.m.taobao.com/app/im/chat/index.html?toId=2219315280500';
const JD_URL = 'https://chat.jd.com/index.action?venderId=1000381022&entry=jd_sdk_item';
const PDD_URL = 'https://mobile.yangkeduo.com/chat_detail.html?mall_id=877317613&goods_id=382615477777';

function read(reader: ChatReader, fixture: string, url: string): { rows: RawChatMessage[]; doc: Document } {
  const doc = loadDocument(ownFixture(`chat/${fixture}`), url);
  const container = reader.findContainer(doc);
  expect(container).not.toBeNull();
  return { rows: reader.readMessages(container!), doc };
}

const summary = (rows: RawChatMessage[]): string[] => rows.map((r) => `${r.kind}:${r.role}:${r.timeText}:${r.text}`);

describe('routing', () => {
  const blank = new JSDOM('<!DOCTYPE html><body></body>').window.document;
  it('each example URL is claimed by its reader alone', () => {
    for (const [id, urls] of Object.entries(CHAT_READER_EXAMPLES)) {
      for (const url of urls) {
        const claimed = CHAT_READERS.filter((r) => r.matches(url, blank)).map((r) => r.id);
        expect(claimed, url).toEqual([id]);
      }
    }
  });
  it('listing pages and other hosts are not chat pages', () => {
    for (const url of [
      'https://item.taobao.com/item.htm?id=1',
      'https://item.jd.com/100012345678.html',
      'https://mobile.yangkeduo.com/goods.html?goods_id=1',
      'https://example.com/chat',
      'not a url',
    ]) {
      expect(chatReaderFor(url, blank), url).toBeUndefined();
    }
  });
});

describe('taobao-wangwang reader', () => {
  it('reads rows in order with roles, times, notices, images, links and the item card', () => {
    const { rows, doc } = read(taobaoWangwangReader, 'taobao-wangwang.html', TAOBAO_URL);
    expect(summary(rows)).toEqual([
      'divider:system:2025-11-03:2025-11-03',
      'message:buyer:2025-11-03 09:12:你好，这款袜子是正品吗？',
      'message:seller:09:13:亲，是正品哦[微笑]',
      'message:seller:09:14:回力女士双罗口中筒袜 5双装¥29.90',
      'system:system::对方撤回了一条消息',
      'divider:system:昨天:昨天',
      'message:buyer:昨天 09:12:',
      'system:system::以下为新消息',
      'message:seller:今天 14:03:今天下单送运费险，领券链接：点此领券',
      'message:buyer:14:05:<b>好的</b>，谢谢',
    ]);
    expect(rows[2]?.name).toBe('回力棉娅专卖店:小余');
    expect(rows[2]?.images).toEqual([]); // the emoji is text, the avatar is not an image of the chat
    expect(rows[3]?.itemLink).toBe('https://item.taobao.com/item.htm?id=750123456781');
    expect(rows[3]?.images).toEqual(['https://img.alicdn.com/imgextra/i1/goods-card.jpg']);
    expect(rows[4]).toMatchObject({ recalled: true, recalledBy: 'seller' });
    expect(rows[6]?.images).toEqual(['https://img.alicdn.com/imgextra/i2/buyer-photo.jpg']);
    expect(rows[8]?.links).toEqual([{ href: 'https://s.click.taobao.com/t?e=coupon123', text: '点此领券' }]);
    expect(rows[1]?.messageId).toBe('tb-1001');
    expect(taobaoWangwangReader.readHeader(doc)).toEqual({
      shopName: '回力棉娅专卖店',
      shopId: '106453811',
      sellerId: '2219315280500',
      sellerNick: '回力棉娅专卖店:小余',
      itemLink: 'https://item.taobao.com/item.htm?id=750123456781',
    });
    expect(taobaoWangwangReader.platform(new URL(TAOBAO_URL), doc)).toBe('taobao');
  });
});

describe('jd-dongdong reader', () => {
  it('reads customer and waiter rows, the recalled notice and the product card', () => {
    const { rows, doc } = read(jdDongdongReader, 'jd-dongdong.html', JD_URL);
    expect(summary(rows)).toEqual([
      'divider:system:前天:前天',
      'system:system::京东客服 安踏客服-小安 为您服务',
      'message:buyer:前天 08:00:这双鞋有没有 43 码？',
      'message:seller:前天 08:01:有的亲，\n43 码现货',
      'divider:system:11-03 09:12:11-03 09:12',
      'message:buyer::',
      'message:seller:2025/11/03 09:12:30:安踏 跑步鞋 男款¥399.00',
      'system:system::你撤回了一条消息',
      'message:buyer:09:15:"><script>alert(1)</script> 发票怎么开？',
    ]);
    expect(rows[3]?.name).toBe('安踏客服-小安');
    expect(rows[5]?.images).toEqual(['https://img30.360buyimg.com/chat/jfs/t1/receipt.jpg']);
    expect(rows[6]?.itemLink).toBe('https://item.jd.com/100012345678.html');
    expect(rows[7]).toMatchObject({ recalled: true, recalledBy: 'buyer' });
    // venderId is the seller id; the shop id comes from the shop's mall link.
    expect(jdDongdongReader.readHeader(doc)).toEqual({
      shopName: '安踏京东自营旗舰店',
      shopId: '1000094242',
      sellerId: '1000381022',
      sellerNick: '安踏客服-小安',
      itemLink: 'https://item.jd.com/100012345678.html',
    });
  });
});

describe('pdd-chat reader', () => {
  it('reads mall and user rows with date lines, weekday times and the goods card', () => {
    const { rows, doc } = read(pddChatReader, 'pdd-chat.html', PDD_URL);
    expect(summary(rows)).toEqual([
      'divider:system:11月3日 09:12:11月3日 09:12',
      'message:seller::欢迎光临景瑞家居，有什么可以帮您？',
      'message:buyer::这个四件套是 100% 纯棉吗',
      'divider:system:星期一 10:00:星期一 10:00',
      'message:seller::',
      'system:system::对方撤回了一条消息',
      'message:buyer:周一 10:02:标签上写的是涤纶，不是纯棉',
      'message:seller::景瑞 纯棉四件套 ¥59.9',
      'system:system::以下为新消息',
      'divider:system:14:03:14:03',
      'message:seller::亲，可以申请退款',
    ]);
    expect(rows[4]?.images).toEqual(['https://img.pddpic.com/chat/label-photo.jpeg']);
    expect(rows[7]?.itemLink).toBe('https://mobile.yangkeduo.com/goods.html?goods_id=382615477777');
    expect(rows[1]?.messageId).toBe('1747284411074');
    expect(pddChatReader.readHeader(doc)).toEqual({
      shopName: '景瑞家居旗舰店',
      shopId: '877317613',
      itemLink: 'https://mobile.yangkeduo.com/goods.html?goods_id=382615477777',
    });
  });
});
