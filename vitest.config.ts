import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // A temporary folder per run, removed after it (tests/support/temp-dir.ts).
    globalSetup: ['tests/support/temp-dir.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
