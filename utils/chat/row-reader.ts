import type { ChatRole, RawChatMessage } from '@/utils/model/chat';
import { collectText, isAvatar, readParts, type PartSelectors } from '@/utils/chat/message-parts';
import { looksLikeChatTime } from '@/utils/chat/parse-chat-time';
import { detectSide, hasAvatar, type AvatarTest, type SideOptions } from '@/utils/chat/role-hints';
import { SelectorIndex } from '@/utils/chat/selector-index';

// Turns one row element into a RawChatMessage. Platform readers pass their selectors; anything a
// selector does not settle falls back to the same heuristics the generic reader uses.

export interface RowSelectors extends PartSelectors {
  /** the row is a date or time line */
  divider?: string;
  /** the row is a system notice */
  system?: string;
  /** the row is the buyer's (our user's) message */
  buyer?: string;
  /** the row is the seller's (shop's) message */
  seller?: string;
  recalled?: string;
}

export interface RowReadOptions extends SideOptions {
  /** base URL for relative image and link URLs */
  base: string;
  selectors?: RowSelectors;
  /** `selectors` already run over the list (see SelectorIndex); built per row when absent */
  index?: SelectorIndex;
}

const RECALL = /撤回了?(一条)?消息|recalled a message/i;
const NOTICE =
  /^(以下为新消息|以上为历史消息|以上是历史消息|以下是新消息|没有更多(消息|了)|.{0,30}(系统消息|系统提示|已接入|接入会话|转接|会话已结束|结束了本次服务|为您服务)).{0,30}$/;
const ID_ATTRIBUTES = ['data-msg-id', 'data-msgid', 'data-message-id', 'data-mid', 'data-id'];

function messageIdOf(row: Element): string | undefined {
  for (const attr of ID_ATTRIBUTES) {
    const v = row.getAttribute(attr)?.trim();
    if (v) return v;
  }
  return undefined;
}

function roleOfSide(side: 'left' | 'right' | 'center' | undefined, row: Element, avatar: AvatarTest): ChatRole {
  if (side === 'right') return 'buyer';
  if (side === 'left') return 'seller';
  // A centred row with an avatar is still a message; without one it is a notice.
  if (side === 'center') return hasAvatar(row, avatar) ? 'seller' : 'system';
  // Nothing to go on: the other party is the safer guess than inventing a notice.
  return 'seller';
}

export function readRow(row: Element, options: RowReadOptions): RawChatMessage | undefined {
  const selectors = options.selectors ?? {};
  const index = options.index ?? new SelectorIndex(row, { ...selectors });
  const avatar: AvatarTest = (el) => index.is('avatar', el);
  const marks = (key: keyof RowSelectors): boolean => index.marks(key, row);
  const parts = readParts(row, options.base, selectors, index);
  const whole = collectText(row, (el) => isAvatar(el, avatar));
  if (whole === '' && parts.images.length === 0) return undefined;
  const messageId = messageIdOf(row);
  const base = { name: '', images: [], links: [], ...(messageId ? { messageId } : {}) };

  if (marks('divider') || (parts.images.length === 0 && looksLikeChatTime(whole))) {
    return { ...base, kind: 'divider', role: 'system', timeText: whole, text: whole };
  }
  if (marks('recalled') || (parts.images.length === 0 && whole.length <= 40 && RECALL.test(whole))) {
    const recalledBy = /^(你|我)/.test(whole) ? 'buyer' : /对方|商家|客服|卖家/.test(whole) ? 'seller' : undefined;
    return { ...base, kind: 'system', role: 'system', timeText: parts.timeText, text: whole, recalled: true, ...(recalledBy ? { recalledBy } : {}) };
  }

  let role: ChatRole;
  if (marks('system')) role = 'system';
  else if (marks('buyer')) role = 'buyer';
  else if (marks('seller')) role = 'seller';
  else if (!hasAvatar(row, avatar) && parts.images.length === 0 && NOTICE.test(whole)) role = 'system';
  else role = roleOfSide(detectSide(row, { ...options, avatar }), row, avatar);

  if (role === 'system') {
    return { ...base, kind: 'system', role, timeText: parts.timeText, text: parts.text || whole };
  }
  return {
    ...base,
    kind: 'message',
    role,
    name: parts.name,
    timeText: parts.timeText,
    text: parts.text,
    images: parts.images,
    links: parts.links,
    ...(parts.itemLink ? { itemLink: parts.itemLink } : {}),
  };
}
