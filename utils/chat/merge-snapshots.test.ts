import { describe, expect, it } from 'vitest';
import type { RawChatMessage } from '@/utils/model/chat';
import { mergeSnapshots } from '@/utils/chat/merge-snapshots';

const m = (text: string, role: RawChatMessage['role'] = 'buyer'): RawChatMessage => ({
  kind: 'message',
  role,
  name: '',
  timeText: '',
  text,
  images: [],
  links: [],
});
const texts = (rows: RawChatMessage[]): string[] => rows.map((r) => r.text);
const list = (...t: string[]): RawChatMessage[] => t.map((x) => m(x));

describe('mergeSnapshots', () => {
  it('older rows prepended to a list that kept its rows', () => {
    expect(texts(mergeSnapshots(list('c', 'd', 'e'), list('a', 'b', 'c', 'd', 'e')))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('a virtualised list that dropped its newest rows', () => {
    expect(texts(mergeSnapshots(list('c', 'd', 'e', 'f'), list('a', 'b', 'c', 'd')))).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('a later snapshot that starts inside the known rows and runs on', () => {
    expect(texts(mergeSnapshots(list('a', 'b', 'c'), list('b', 'c', 'd')))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('repeated identical messages are kept apart by their neighbours', () => {
    const known = list('好的', '谢谢', '好的');
    const next = list('你好', '好的', '谢谢', '好的');
    expect(texts(mergeSnapshots(known, next))).toEqual(['你好', '好的', '谢谢', '好的']);
    expect(texts(mergeSnapshots(list('好的', '好的'), list('好的', '好的')))).toEqual(['好的', '好的']);
  });

  it('the same text from the two sides is two messages', () => {
    const known = [m('好的', 'seller'), m('好的', 'buyer')];
    expect(mergeSnapshots(known, known).map((r) => r.role)).toEqual(['seller', 'buyer']);
  });

  it('platform ids decide where they exist; no overlap means older history', () => {
    const a = { ...m('x'), messageId: '1' };
    const b = { ...m('x'), messageId: '2' };
    expect(mergeSnapshots([b], [a, b]).map((r) => r.messageId)).toEqual(['1', '2']);
    expect(texts(mergeSnapshots(list('c'), list('a', 'b')))).toEqual(['a', 'b', 'c']);
    expect(texts(mergeSnapshots([], list('a')))).toEqual(['a']);
  });
});
