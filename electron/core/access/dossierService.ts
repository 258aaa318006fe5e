import { createHash, randomBytes } from 'node:crypto';
import type { AccessDossier, DossierPreview, DossierRequest, SaveDossierRequest } from '../../../shared/schemas/access';
import { localSecond } from '../../../shared/time';
import { getCase } from '../cases/caseRecords';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { followUpsOfCase } from '../followUps/followUps';
import { translatorFor } from '../i18n/translator';
import type { ShellServices } from '../shell';
import type { Db } from '../vault/database';
import { accessRequestsOf, assertRequestOfCase, recordDossierGiven } from './accessRequests';
import { buildDossier, passageIds } from './dossier';

/** The renderer's print route for a dossier the core holds ready under `token`. */
export const dossierPrintRoute = (token: string) => `#/print?dossier=${token}`;

const PDF_MAGIC = '%PDF-';

interface DossierOptions {
  db: () => Db;
  shell: ShellServices;
  clock: Clock;
  today: () => string;
  saveTo: (suggestedName: string, content: Buffer) => Promise<{ fileName: string }>;
}

/**
 * The access dossier: shown to the adviser whole, then printed with the passages they left out
 * replaced by the marker, through the same off-screen print route as the annual report. The
 * printed dossier lives only in memory, only while its window prints it; the vault keeps that and
 * when it was given.
 */
export class DossierService {
  private readonly printing = new Map<string, AccessDossier>();

  constructor(private readonly options: DossierOptions) {}

  private build(request: DossierRequest, leftOut: ReadonlySet<string>): AccessDossier {
    const db = this.options.db();
    const record = getCase(db, request.caseId);
    if (request.reporter >= record.reporters.length) throw new AppError('NOT_FOUND');
    return buildDossier(
      { record, reporter: request.reporter, followUps: followUpsOfCase(db, request.caseId), requests: accessRequestsOf(db, request.caseId), language: request.language, madeOn: this.options.today() },
      leftOut,
    );
  }

  preview(request: DossierRequest): DossierPreview {
    const dossier = this.build(request, new Set());
    return { dossier, version: versionOf(dossier) };
  }

  /** Only the print window asks, with the token of the dossier it was opened for. */
  printed(token: string): AccessDossier {
    const dossier = this.printing.get(token);
    if (!dossier) throw new AppError('NOT_FOUND');
    return dossier;
  }

  async save(request: SaveDossierRequest): Promise<{ fileName: string }> {
    const db = this.options.db();
    assertRequestOfCase(db, request.requestId, request.caseId);
    const { dossier: seen } = this.preview(request);
    // A passage added since the preview was never looked at: the adviser sees the dossier again.
    if (versionOf(seen) !== request.version) throw new AppError('DOSSIER_CHANGED');
    const known = new Set(passageIds(seen));
    if (request.leftOut.some((id) => !known.has(id))) throw new AppError('INVALID_INPUT');
    const dossier = this.build(request, new Set(request.leftOut));
    const token = randomBytes(16).toString('hex');
    this.printing.set(token, dossier);
    let pdf: Buffer;
    try {
      pdf = Buffer.from((await this.options.shell.renderReport(dossierPrintRoute(token))).pdf);
    } finally {
      this.printing.delete(token);
    }
    if (pdf.subarray(0, PDF_MAGIC.length).toString('latin1') !== PDF_MAGIC) throw new AppError('INTERNAL');
    const record = getCase(db, request.caseId);
    const saved = await this.options.saveTo(translatorFor(request.language)('access.dossier.fileName', { number: record.number }), pdf);
    recordDossierGiven(db, request.requestId, localSecond(this.options.clock()), this.options.today());
    return saved;
  }
}

/** The dossier as shown, every passage in full: any change to what it holds gives another version. */
function versionOf(dossier: AccessDossier): string {
  return createHash('sha256').update(JSON.stringify({ ...dossier, madeOn: '' })).digest('hex');
}
