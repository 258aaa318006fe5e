import { createCase } from '../../electron/core/cases/caseRecords';
import type { Db } from '../../electron/core/vault/database';
import { caseInput } from '../fixtures/records';

/** Writes many cases straight through the core's repository, in one transaction, for volume tests. */
export function seedCases(db: Db, count: number): void {
  const clock = () => new Date(2026, 10, 23, 12, 0);
  db.transaction(() => {
    for (let index = 0; index < count; index++) {
      const day = String(1 + (index % 28)).padStart(2, '0');
      const month = String(1 + (Math.floor(index / 28) % 12)).padStart(2, '0');
      createCase(db, caseInput({ label: `Dossier ${index + 1}`, firstContactAt: `2025-${month}-${day}T09:00`, firstResponseAt: null, consents: [] }), clock);
    }
  })();
}
