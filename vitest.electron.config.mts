import { defineConfig } from 'vitest/config';

/** `npm run test:electron`: the real app in Electron; not part of `npm test` (Electron cannot be downloaded on the build machines). */
export default defineConfig({
  test: {
    name: 'electron',
    environment: 'node',
    include: ['test/electron/**/*.electron.ts'],
    globalSetup: ['test/electron/globalSetup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
