import { describe, expect, it } from 'vitest';
import { caseStatusMap, caseStatusOf } from '@/utils/cases/case-status-map';

const cases = [
  { platform: 'taobao' as const, shopKey: '310987654', shopName: '极光数码专营店', status: 'complained' as const },
  { platform: 'jd' as const, shopKey: '小店b', shopName: '小店 B' },
];

describe('case statuses for pages', () => {
  const map = caseStatusMap(cases);

  it('matches by shop id where the page gives one', () => {
    expect(caseStatusOf(map, { platform: 'taobao', shopId: '310987654', shopName: 'another name' })).toBe('complained');
    // a page with another shop id is another shop, whatever its name
    expect(caseStatusOf(map, { platform: 'taobao', shopId: '999', shopName: '极光数码专营店' })).toBeUndefined();
  });

  it('matches by normalised name where the page gives no id, and only on the case’s platform', () => {
    expect(caseStatusOf(map, { platform: 'taobao', shopName: ' 极光数码 专营店' })).toBe('complained');
    expect(caseStatusOf(map, { platform: 'tmall', shopName: '极光数码专营店' })).toBeUndefined();
    expect(caseStatusOf(map, { platform: 'jd', shopName: '小店Ｂ' })).toBe('found');
  });

  it('keeps only the platforms asked for', () => {
    expect(Object.keys(caseStatusMap(cases, ['jd'])).every((k) => k.startsWith('jd|'))).toBe(true);
  });
});
