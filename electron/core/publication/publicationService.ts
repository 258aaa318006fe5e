import type { DocumentRequest, PublicationDocument, PublicationFormat, SavePublicationRequest } from '../../../shared/schemas/publication';
import type { ReportRequest, TeamReport } from '../../../shared/schemas/teamReport';
import { unansweredFlows } from '../../../shared/flowQuestions';
import { AppError } from '../errors';
import type { ShellServices } from '../shell';
import { teamInfo } from '../team/team';
import type { Db } from '../vault/database';
import { differencingAgainst } from './differencing';
import { publicationCsv } from './publicationCsv';
import { buildPublicationDocument, type DocumentInput } from './publicationDocument';
import { publicationDocx, pngSize } from './publicationDocx';
import { publicationXlsx } from './publicationXlsx';
import { latestPublication, recordPublication, textsOf, type PublishedTables } from './publications';

/** The print route of the renderer for one document; the shell renders it off-screen. */
export function printRoute(request: DocumentRequest): string {
  const query = new URLSearchParams({ year: String(request.year), k: String(request.k), grouped: request.grouped ? '1' : '0', lang: request.language, ioa: request.ioa ? '1' : '0' });
  return `#/print?${query.toString()}`;
}

type KeptSection = PublishedTables['published']['team'];

/**
 * A kept publication as a report again, so it can be laid out and compared like the current one.
 * A key figure one kept before format 4 (or, for the procedure's, format 5) did not print counts as
 * zero there, as a row left out does.
 */
function reportOf({ coverage: _coverage, published, ...tables }: PublishedTables): TeamReport {
  const section = (kept: KeptSection) => kept && { ...kept, keyFigures: { openAtStart: 0, conversationsOnReports: 0, procedureReports: 0, procedureBothMet: 0, procedurePending: 0, ...kept.keyFigures } };
  return {
    ...tables,
    published: { team: section(published.team), faculty: section(published.faculty) },
    years: [],
    imports: [],
    replacements: [],
    importsToRedo: 0,
    exact: { team: null, faculty: null },
    groupingEffects: [],
  };
}

const PDF_MAGIC = '%PDF-';

interface ServiceOptions {
  db: () => Db;
  report: (request: ReportRequest) => TeamReport;
  shell: ShellServices;
  today: () => string;
  saveTo: (suggestedName: string, content: string | Buffer) => Promise<{ fileName: string }>;
}

/**
 * The annual report as a publication: one document in one language, written as PDF (through the
 * renderer's print route), Word, Excel or CSV. Every save keeps the published tables, so the next
 * publication of the year can warn about differencing and next year's can show the change.
 */
export class PublicationService {
  constructor(private readonly options: ServiceOptions) {}

  document(request: DocumentRequest): { document: PublicationDocument; report: TeamReport } {
    const db = this.options.db();
    const report = this.options.report(request);
    const lastYear = latestPublication(db, request.year - 1);
    const input: DocumentInput = {
      report,
      language: request.language,
      texts: textsOf(db, request.year),
      ioa: request.ioa,
      organisation: teamInfo(db).organisation,
      madeOn: this.options.today(),
      previous: lastYear ? { year: request.year - 1, sections: lastYear.tables.published, coverage: lastYear.tables.coverage ?? null } : null,
      differencing: null,
    };
    const document = buildPublicationDocument(input);
    const earlier = latestPublication(db, request.year);
    const earlierDocument = earlier ? buildPublicationDocument({ ...input, report: reportOf(earlier.tables), previous: null }) : null;
    const differencing = differencingAgainst(
      earlier,
      report.imports.map((entry) => entry.exportId),
      earlierDocument,
      document,
    );
    return { document: { ...document, differencing }, report };
  }

  async save(request: SavePublicationRequest): Promise<{ fileName: string }> {
    const { document, report } = this.document(request);
    if (unansweredFlows(report).length > 0) throw new AppError('FLOW_UNANSWERED');
    if (document.differencing && document.differencing.cells.length > 0 && !request.acceptDifferencing) throw new AppError('DIFFERENCING_RISK');
    const content = await this.write(request, document);
    const saved = await this.options.saveTo(`confidant-annual-report-${request.year}.${request.format}`, content);
    recordPublication(this.options.db(), report, this.options.today());
    return saved;
  }

  private async write(request: DocumentRequest & { format: PublicationFormat }, document: PublicationDocument): Promise<string | Buffer> {
    switch (request.format) {
      case 'csv':
        return publicationCsv(document);
      case 'xlsx':
        return publicationXlsx(document);
      case 'pdf': {
        const { pdf } = await this.options.shell.renderReport(printRoute(request));
        if (pdf.subarray(0, PDF_MAGIC.length).toString('latin1') !== PDF_MAGIC) throw new AppError('INTERNAL');
        return pdf;
      }
      case 'docx': {
        const { charts } = await this.options.shell.renderReport(printRoute(request));
        return publicationDocx(
          document,
          charts.filter((chart) => pngSize(chart.png) !== null),
        );
      }
    }
  }
}
