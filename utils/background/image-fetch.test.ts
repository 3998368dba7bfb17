import { describe, expect, it } from 'vitest';
import { imageRulesFor } from '@/utils/background/image-fetch';
import { imageUrlProblem } from '@/utils/evidence/image-url-rules';
import { IMAGE_CDN_HOSTS } from '@/utils/marketplaces/hosts';
import { ADAPTERS } from '@/utils/marketplaces/registry';

describe('imageRulesFor', () => {
  it("takes each platform's CDN domains from its adapter, and the manifest grants exactly those", () => {
    for (const a of ADAPTERS) {
      expect(a.imageHosts.length, a.id).toBeGreaterThan(0);
      for (const d of a.imageHosts) expect(IMAGE_CDN_HOSTS).toContain(`https://*.${d}/*`);
    }
    expect(new Set(IMAGE_CDN_HOSTS)).toEqual(new Set(ADAPTERS.flatMap((a) => a.imageHosts.map((d) => `https://*.${d}/*`))));
  });

  it("allows the platform's CDN and the page origin, not another platform's CDN", () => {
    const jd = imageRulesFor('jd', 'https://item.jd.com/100012043978.html');
    expect(imageUrlProblem('https://img14.360buyimg.com/n0/jfs/a.jpg', jd)).toBeUndefined();
    expect(imageUrlProblem('https://item.jd.com/logo.png', jd)).toBeUndefined();
    expect(imageUrlProblem('https://img.alicdn.com/a.jpg', jd)).toMatch(/neither/);
    expect(imageRulesFor('pdd', 'not a url').pageOrigin).toBeUndefined();
  });
});
