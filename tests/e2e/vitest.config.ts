import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

// The real-browser tier: Debian's Chromium driven by playwright-core with the built extension.
// One file at a time: each launches its own browser and the machine has two cores.
export default defineConfig({
  resolve: { alias: { '@': resolve(import.meta.dirname, '../..') } },
  test: {
    root: resolve(import.meta.dirname, '../..'),
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
