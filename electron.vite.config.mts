import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';

export default defineConfig({
  main: {
    // age-encryption is ESM only: bundled into the CommonJS core process rather than required at
    // run time. The publication's writers and the LP solver are bundled too (only what the core
    // uses), so their packages, far larger than that, stay out of the installed app.
    plugins: [externalizeDepsPlugin({ exclude: ['@zxcvbn-ts/core', '@zxcvbn-ts/language-common', 'age-encryption', 'docx', 'exceljs', 'javascript-lp-solver'] })],
    build: { rollupOptions: { input: { main: resolve(__dirname, 'electron/main.ts'), coreProcess: resolve(__dirname, 'electron/coreProcess/coreProcess.ts') } } },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    build: { rollupOptions: { input: { preload: resolve(__dirname, 'electron/preload.ts') } } },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // The CSP loads fonts only from the app itself (font-src 'self'): a font inlined as a data: URL would be refused.
      assetsInlineLimit: (file: string) => (/\.woff2?$/.test(file) ? false : undefined),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
