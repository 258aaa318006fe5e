import type { Core } from '../../electron/core/core';

/** Every row of every team table of a vault, so a refusal can be shown to have changed nothing at all. */
export function teamTables(core: Core): Record<string, unknown[]> {
  const db = core.vault.database();
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'team\\_%' ESCAPE '\\' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(names.map((name) => [name, db.prepare(`SELECT * FROM ${name} ORDER BY 1`).all()]));
}
