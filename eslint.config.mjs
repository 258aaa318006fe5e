import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { coreLayerRules, migrationFileRules, noCycleRules } from './build/eslint/architecture.mjs';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'https'];

/** The folder is the rule: these restrictions keep each runtime's code where it can run. */
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.native/**', 'node_modules/**', 'test-results/**', 'bench-results/**', 'test/lint-fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': 'error',
    },
  },
  {
    // A promise nobody awaits loses its error; one passed where a callback returns nothing does too.
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['build/*.test.ts'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  ...coreLayerRules,
  migrationFileRules,
  noCycleRules,
  {
    // The key and the database live only in the core process: main and its client never load the core.
    files: ['electron/*.ts', 'electron/coreProcess/coreClient.ts', 'electron/coreProcess/protocol.ts'],
    ignores: ['electron/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['./core/*', '../core/*'], message: 'Main talks to the core process through CoreClient; it never loads the core itself.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: [...nodeBuiltins, '**/electron/**', '**/renderer/**'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3-multiple-ciphers', 'hash-wasm'],
          patterns: [...nodeBuiltins, '**/electron/**'],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Renderer tests drive the real core in-process instead of mocking it.
    files: ['renderer/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['build/**/*.{mjs,cjs}', 'test/support/**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable', exports: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
