import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh private folder for one test's vault, removed again by the returned function. */
export function temporaryDirectory(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'confidant-test-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
