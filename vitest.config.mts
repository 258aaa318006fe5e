import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Every project that opens databases runs with better-sqlite3's default addon location blocked. */
const NO_DEFAULT_ADDON = 'test/support/noDefaultSqliteAddon.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['electron/core/**/*.test.ts', 'shared/**/*.test.ts', 'test/reference/**/*.test.ts'],
          setupFiles: [NO_DEFAULT_ADDON],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'shell',
          environment: 'node',
          include: ['electron/*.test.ts', 'build/**/*.test.ts'],
          setupFiles: [NO_DEFAULT_ADDON],
          // Each shell test starts a core process and unlocks (Argon2) several times; CI machines are slower.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.tsx', 'renderer/**/*.test.ts'],
          setupFiles: [NO_DEFAULT_ADDON, 'renderer/src/test/setup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'crash',
          environment: 'node',
          include: ['test/crash/**/*.crash.ts'],
          testTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'bench',
          environment: 'node',
          include: ['test/bench/**/*.smoke.ts'],
          setupFiles: [NO_DEFAULT_ADDON],
          testTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          setupFiles: [NO_DEFAULT_ADDON],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
