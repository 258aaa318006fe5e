import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import type { ExportPreview, ExportRequest } from '../../../shared/schemas/export';
import { localMinute } from '../../../shared/time';
import type { Clock } from '../clock';
import type { ReportPhase } from '../events';
import { AppError } from '../errors';
import type { ShellServices } from '../shell';
import { writeFileAtomic } from '../storage/atomicWrite';
import type { Db } from '../vault/database';
import { getProfile } from '../vault/profile';
import { aggregate } from './aggregate';
import { buildExportFile, exportCsv } from './exportFile';
import { raiseSavedExports, savedExports } from './exportSequence';

/** Signs the previewed JSON with the vault's key and seals it to the team. */
export type ExportSealer = (json: string, db: Db) => Promise<string>;

/** What the export needs of the team the vault joined; the team layer above provides it. */
export interface ExportTeam {
  /** The team's unit list, or null without a team. */
  units(db: Db): string[] | null;
  /** The sealer for the team's invitation, or null without a team. */
  sealerFor(db: Db): ExportSealer | null;
}

/**
 * The adviser's export in two steps: a preview of exactly the bytes that will be written, then,
 * after explicit consent, writing those same bytes (and nothing newer) where the adviser picks.
 */
export class ExportService {
  private pending: ExportPreview | null = null;

  /** `recordSpent` writes the spent number beside the database, where a restore finds it. */
  constructor(
    private readonly shell: ShellServices,
    private readonly clock: Clock,
    private readonly recordSpent: () => void,
    private readonly team: ExportTeam,
  ) {}

  preview(db: Db, request: ExportRequest, report: ReportPhase<'export'> = () => undefined): ExportPreview {
    const now = this.clock();
    // A month that has not ended yet would be exported again later with different numbers.
    if (request.period.to > localMinute(now).slice(0, 10)) throw new AppError('PERIOD_NOT_ENDED');
    report('count');
    const units = request.includeUnits ? this.team.units(db) : null;
    // The table per unit uses the team's list only; without a team there is no list to count by.
    if (request.includeUnits && !units) throw new AppError('NO_TEAM');
    const exportedOn = localMinute(now).slice(0, 10);
    const { counts, refused, notAskedYet, incomplete } = aggregate(db, request.period, units, exportedOn);
    report('format');
    const file = buildExportFile(getProfile(db), savedExports(db) + 1, request.period, exportedOn, counts);
    this.pending = { file, json: `${JSON.stringify(file, null, 2)}\n`, csv: exportCsv(file), excludedRefused: refused, notAskedYet, incomplete };
    return this.pending;
  }

  /**
   * `database` is asked for only after the dialog: the vault may have locked while it was open.
   * With a team, the previewed JSON is signed and sealed to the team and nothing else is written;
   * `unsealed` writes the plain JSON and CSV for the adviser's own use.
   */
  async save(database: () => Db, exportId: string, unsealed: boolean): Promise<{ fileName: string; sealed: boolean }> {
    const pending = this.pending;
    if (!pending || pending.file.exportId !== exportId) throw new AppError('NOT_FOUND');
    const sealer = unsealed ? null : this.team.sealerFor(database());
    if (!unsealed && !sealer) throw new AppError('NO_TEAM');
    // A sealed file travels (mail, USB stick): its name must not say whose function or which months it holds.
    const suggested = sealer
      ? `confidant-export-${randomBytes(3).toString('hex')}.age`
      : `confidant-${pending.file.function}-${pending.file.period.from.slice(0, 7)}-${pending.file.period.to.slice(0, 7)}.json`;
    const path = await this.shell.chooseSavePath(suggested);
    if (!path) throw new AppError('CANCELLED');
    const db = database();
    const content = sealer ? await sealer(pending.json, db) : null;
    // The number is spent before the file exists, so no two written exports can share it.
    raiseSavedExports(db, pending.file.sequence);
    this.recordSpent();
    this.pending = null;
    if (content) {
      const sealedPath = path.toLowerCase().endsWith('.age') ? path : `${path}.age`;
      writeFileAtomic(sealedPath, content);
      return { fileName: basename(sealedPath), sealed: true };
    }
    const jsonPath = path.toLowerCase().endsWith('.json') ? path : `${path}.json`;
    writeFileAtomic(jsonPath, pending.json);
    writeFileAtomic(jsonPath.replace(/\.json$/i, '.csv'), pending.csv);
    return { fileName: basename(jsonPath), sealed: false };
  }

  /** Locking forgets an unsaved preview: it would otherwise outlive the session that made it. */
  forget(): void {
    this.pending = null;
  }
}
