import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Test helper: a committed fixture under tests/fixtures/authorized as a File, as the input gives it.
// Resolved from the repository root (where vitest runs): under jsdom import.meta.url is not a file URL.
const DIR = resolve('tests/fixtures/authorized');

export function fixtureFile(name: string): File {
  return new File([readFileSync(resolve(DIR, name))], name);
}

export function textFile(name: string, text: string): File {
  return new File([text], name);
}
