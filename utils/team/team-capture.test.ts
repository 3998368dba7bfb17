import { describe, expect, it } from 'vitest';
import { describeLockerCapture } from '@/utils/team/team-capture';

// Another investigator's files are input, not truth: the seal must match where it lies, and a
// listing.json of the wrong shape leaves fields empty with a warning, never an exception.

const keyId = 'a'.repeat(64);
const captureId = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
const seal = (over: Record<string, unknown> = {}) => ({
  format: 'listingproof-seal',
  formatVersion: 1,
  captureId,
  url: 'https://item.taobao.com/item.htm?id=1',
  platform: 'taobao',
  itemId: '1',
  capturedAt: '2026-12-01T10:00:00.000+08:00',
  investigator: { name: '王', org: 'X', keyId },
  files: [{ path: 'listing.json', sha256: 'b'.repeat(64), bytes: 10 }],
  ...over,
});
const reader = (files: Record<string, unknown>) => async (path: string) => (path in files ? enc(files[path]) : undefined);
const ref = { keyId, captureId };

describe('describeLockerCapture', () => {
  it('reads who, shop and verdict from the seal and listing.json', async () => {
    const listing = { title: 'T', shop: { name: '店', id: '9', sellerId: '' }, prices: { lowest: '1.00' }, verdict: { seller: 'unauthorized', price: 'ok' } };
    const d = await describeLockerCapture(ref, reader({ 'seal.json': seal(), 'listing.json': listing }));
    expect(d).toMatchObject({ kind: 'listing', title: 'T', shop: { id: '9' }, verdict: { seller: 'unauthorized', price: 'ok' }, warnings: [] });
    expect(d.seal.investigator.keyId).toBe(keyId);
    expect(d.timestamp).toBeUndefined();
  });

  it('keeps going past a listing.json of the wrong shape, and says so when it is not JSON', async () => {
    const odd = await describeLockerCapture(ref, reader({ 'seal.json': seal(), 'listing.json': { title: 5, shop: 'x', verdict: { seller: '<b>' } } }));
    expect(odd).toMatchObject({ title: '', shop: { name: '', id: '' }, verdict: { seller: 'unknown', price: 'unknown' } });
    const broken = await describeLockerCapture(ref, reader({ 'seal.json': seal(), 'listing.json': '{"title": ' }));
    expect(broken.warnings).toEqual([expect.stringMatching(/^listing\.json: missing or not readable/)]);
    const badToken = await describeLockerCapture(ref, reader({ 'seal.json': seal(), 'listing.json': {}, 'seal.tsr': 'not DER' }));
    expect(badToken.warnings).toEqual([expect.stringMatching(/^seal\.tsr: /)]);
  });

  it('reads a search results page (search.json) as kind search, its keyword as title, with no shop', async () => {
    const files = [{ path: 'search.json', sha256: 'b'.repeat(64), bytes: 10 }];
    const search = { keyword: 'xr200', pageTitle: 'xr200_淘宝搜索', url: { final: 'https://s.taobao.com/search?q=xr200' }, results: [] };
    const d = await describeLockerCapture(ref, reader({ 'seal.json': seal({ files, itemId: '' }), 'search.json': search }));
    expect(d).toMatchObject({ kind: 'search', title: 'xr200', pageTitle: 'xr200_淘宝搜索', shop: { name: '', id: '' }, warnings: [] });
    const broken = await describeLockerCapture(ref, reader({ 'seal.json': seal({ files }), 'search.json': '{' }));
    expect(broken).toMatchObject({ kind: 'search', warnings: ['search.json: not readable'] });
  });

  it('refuses a capture whose seal is missing, malformed, or names another capture or key than its path', async () => {
    await expect(describeLockerCapture(ref, reader({}))).rejects.toThrow(/has no seal\.json/);
    await expect(describeLockerCapture(ref, reader({ 'seal.json': { format: 'x' } }))).rejects.toThrow(/is not a seal/);
    await expect(describeLockerCapture(ref, reader({ 'seal.json': seal({ captureId: 'other' }) }))).rejects.toThrow(/seals capture other/);
    const otherKey = seal({ investigator: { name: '', org: '', keyId: 'c'.repeat(64) } });
    await expect(describeLockerCapture(ref, reader({ 'seal.json': otherKey }))).rejects.toThrow(/names key c{64}, but lies under key a{64}/);
  });
});
