import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '@/tests/harness/browser';

// Chromium refuses a content script that is not valid UTF-8 ("It isn't UTF-8 encoded") and the
// page silently gets no panel. A minifier can write a lone surrogate from a regular expression
// into the bundle (e.g. when canonical-JSON code reaches a content script): checked per file here.

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? scripts(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

describe('the built extension', () => {
  it('has only valid UTF-8 scripts', () => {
    const files = scripts(EXTENSION_DIR);
    expect(files.some((f) => f.includes('content-scripts'))).toBe(true);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const bad = files.filter((f) => {
      try {
        decoder.decode(readFileSync(f));
        return false;
      } catch {
        return true;
      }
    });
    expect(bad).toEqual([]);
  });
});
