import importX, { createNodeResolver } from 'eslint-plugin-import-x';

/**
 * The layers inside electron/core, bottom first: a folder may import its own layer and the ones
 * below, never one above. Root files of the core (clock.ts, log.ts, errors.ts, events.ts, shell.ts,
 * searchText.ts) are the bottom layer; core.ts alone sits on top and may import everything.
 */
export const CORE_LAYERS = [
  ['storage', 'ipc', 'i18n'],
  ['vault'],
  ['cases', 'outreach', 'settings', 'drafts', 'followUps'],
  ['export', 'access', 'procedure'],
  ['team', 'report'],
  ['publication', 'handover'],
  ['restore'],
  ['handlers'],
];

const BOTTOM_ROOT_FILES = ['clock', 'log', 'errors', 'events', 'shell', 'searchText'];

const above = (level) => CORE_LAYERS.slice(level + 1).flat();

function layerRule(prefix, folders, message) {
  return [
    'error',
    {
      paths: [{ name: 'electron', message: 'electron/core runs under plain Node: no Electron here.' }],
      patterns: [
        { group: ['../*.ts', '../main', '../preload', '../lockTriggers'], message: 'electron/core never loads the shell.' },
        ...(folders.length > 0 ? [{ regex: `^${prefix}(${folders.join('|')})(/|$)`, message }] : []),
        { regex: `^${prefix}core$`, message: 'Only the entry point assembles the core.' },
      ],
    },
  ];
}

/** One config block per layer of electron/core. Tests may reach across layers to drive a whole flow. */
export const coreLayerRules = [
  ...CORE_LAYERS.flatMap((folders, level) =>
    folders.map((folder) => ({
      files: [`electron/core/${folder}/**/*.ts`],
      ignores: ['**/*.test.ts'],
      rules: {
        'no-restricted-imports': layerRule('(\\.\\./)+', above(level), `electron/core/${folder} is layer ${level}: it imports only ${CORE_LAYERS.slice(0, level + 1).flat().join(', ')} (layers point down).`),
      },
    })),
  ),
  {
    files: BOTTOM_ROOT_FILES.map((name) => `electron/core/${name}.ts`),
    rules: { 'no-restricted-imports': layerRule('\\./', above(0), 'The bottom layer of the core imports nothing above it.') },
  },
  {
    files: ['electron/core/core.ts', 'electron/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'electron/core runs under plain Node: no Electron here.' }], patterns: [{ group: ['../*.ts', '../main', '../preload', '../lockTriggers'], message: 'electron/core never loads the shell.' }] },
      ],
    },
  },
];

/** A shipped migration is frozen: its SQL stays inline, and it depends on nothing that may change. */
export const migrationFileRules = {
  files: ['electron/core/vault/migrations/[0-9]*.ts'],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: '^(?!\\.\\./database$)', message: 'A migration imports nothing but the database type: its SQL must never change with other code.' },
          { regex: '^\\.\\./database$', allowTypeImports: true, message: 'A migration imports only the database type.' },
        ],
      },
    ],
  },
};

/** No import cycle anywhere in the tree. */
export const noCycleRules = {
  files: ['**/*.{ts,tsx,mts}'],
  plugins: { 'import-x': importX },
  settings: {
    ...importX.flatConfigs.typescript.settings,
    'import-x/resolver': undefined,
    'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.json'] })],
  },
  rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
};
