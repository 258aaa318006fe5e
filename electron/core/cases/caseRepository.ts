import type { CaseSummary, NewCase } from '../../../shared/contract';
import type { IntakeRoute } from '../../../shared/taxonomy';
import { localMinute } from '../../../shared/time';
import type { Clock } from '../clock';
import type { Db } from '../vault/database';
import { AppError } from '../errors';

interface CaseRow {
  id: number;
  first_contact_at: string;
  intake_route: IntakeRoute;
}

function toSummary(row: CaseRow): CaseSummary {
  return { id: row.id, firstContactAt: row.first_contact_at, intakeRoute: row.intake_route };
}

export function listCases(db: Db): CaseSummary[] {
  const rows = db
    .prepare('SELECT id, first_contact_at, intake_route FROM cases ORDER BY first_contact_at DESC, id DESC')
    .all() as CaseRow[];
  return rows.map(toSummary);
}

export function createCase(db: Db, input: NewCase, clock: Clock): CaseSummary {
  const now = clock();
  if (input.firstContactAt > localMinute(now)) throw new AppError('INVALID_INPUT');
  const stamp = now.toISOString();
  const result = db
    .prepare('INSERT INTO cases (first_contact_at, intake_route, created_at, updated_at) VALUES (?, ?, ?, ?)')
    .run(input.firstContactAt, input.intakeRoute, stamp, stamp);
  return { id: Number(result.lastInsertRowid), ...input };
}
