import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { decodePageBytes } from '@/utils/cli/decode-page-bytes';

// Loads a saved page into a DOM the way a browser would have decoded it, for adapter tests.

export const REAL_FIXTURES = new URL('../fixtures/real/', import.meta.url);
export const OWN_FIXTURES = new URL('../fixtures/', import.meta.url);

export function loadDocument(file: URL | string, url: string): Document {
  const bytes = readFileSync(file);
  return new JSDOM(decodePageBytes(bytes), { url }).window.document;
}

export function realFixture(relative: string): URL {
  return new URL(relative, REAL_FIXTURES);
}

export function ownFixture(relative: string): URL {
  return new URL(relative, OWN_FIXTURES);
}
