import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tiers: node by default, jsdom where a test file asks for it
// (`// @vitest-environment jsdom`). The real-browser tier is tests/e2e, run by Playwright.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    root: '.',
    include: ['utils/**/*.test.ts', 'components/**/*.test.tsx', 'entrypoints/**/*.test.ts', 'tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/helpers/vitest-setup.ts'],
    testTimeout: 20000,
  },
});
