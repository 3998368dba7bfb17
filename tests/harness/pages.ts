import type { FixtureRoute } from '@/tests/harness/fixture-server';

// Fixture pages and the real URLs they are served at. Own fixtures are committed under
// tests/fixtures/; real saved pages are read from ../shared/fixtures/real/ (never copied here).

const own = (rel: string) => new URL(`../fixtures/${rel}`, import.meta.url);
export const shared = (rel: string) => new URL(`../../../shared/fixtures/real/${rel}`, import.meta.url);

export interface DemoPage extends FixtureRoute {
  name: string;
  file: URL;
}

export const PAGES = {
  jdLatePrice: { name: 'JD item, price filled in late', url: 'https://item.jd.com/100012043978.html', file: own('jd/item-2024-late-price.html') },
} satisfies Record<string, DemoPage>;

export const ALL_ROUTES: FixtureRoute[] = Object.values(PAGES);
