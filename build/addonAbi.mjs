/**
 * Which Node ABI a compiled addon was built for: the addon exports `node_register_module_v<ABI>`,
 * and that name stands in its symbol table as plain text on every platform (ELF, Mach-O, PE).
 * A build against the wrong headers (a `nodedir` in the user's npm config) loads nowhere but
 * Node, so the Electron build is checked before anything is packaged or started.
 */
import { readFileSync } from 'node:fs';

export function addonAbis(file) {
  const text = readFileSync(file).toString('latin1');
  return [...new Set([...text.matchAll(/node_register_module_v(\d+)/g)].map((match) => Number(match[1])))];
}

export function assertAddonAbi(file, expected) {
  const found = addonAbis(file);
  if (!found.includes(Number(expected))) {
    throw new Error(
      `The SQLite addon at ${file} was built for ABI ${found.join(', ') || 'unknown'}, but Electron needs ABI ${expected}. ` +
        'Remove any "nodedir" from your npm configuration and run the build again.',
    );
  }
}
