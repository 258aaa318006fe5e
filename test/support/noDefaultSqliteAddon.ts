import { createRequire } from 'node:module';

/** The vitest setup file: the blocker itself is CommonJS so forked core processes can `--require` it too. */
export const NO_DEFAULT_ADDON_BLOCKER = createRequire(__filename).resolve('./noDefaultSqliteAddon.cjs');
createRequire(__filename)(NO_DEFAULT_ADDON_BLOCKER);
