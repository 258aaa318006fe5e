import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['electron/core/**/*.test.ts', 'shared/**/*.test.ts', 'test/reference/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'shell',
          environment: 'node',
          include: ['electron/*.test.ts', 'build/**/*.test.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.tsx', 'renderer/**/*.test.ts'],
          setupFiles: ['renderer/src/test/setup.ts'],
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
          testTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
