import { readFileSync } from 'node:fs';

// Test helper: a committed fixture under tests/fixtures/authorized as a File, as the input gives it.
const DIR = new URL('../fixtures/authorized/', import.meta.url);

export function fixtureFile(name: string): File {
  return new File([readFileSync(new URL(name, DIR))], name);
}

export function textFile(name: string, text: string): File {
  return new File([text], name);
}
