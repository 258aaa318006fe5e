import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/schemas/primitives';
import type {
  Differencing,
  PublicationCell,
  PublicationDocument,
  PublicationSection,
  PublicationSectionId,
  PublicationTable,
  ReportTexts,
} from '../../../shared/schemas/publication';
import type { KeyFigures, Published, ReportCross, ReportSection, ReportTable, TeamReport } from '../../../shared/schemas/teamReport';
import { keyLabel, tableRowLabel, type LabelList } from '../../../shared/publication/labels';
import { decimalText, shownCount } from '../../../shared/publication/shown';
import { TEAM_SECTION_FUNCTIONS, VAULT_FUNCTIONS, type VaultFunction } from '../../../shared/taxonomy';
import { longDate, translatorFor } from '../i18n/translator';
import { coverageOf, coveredDifferently } from './coverage';
import type { CoveredPeriod, PublishedTables } from './publications';

/** Last year's published tables, when the team kept them: the change column compares with these. */
export interface PreviousYear {
  year: number;
  sections: PublishedTables['published'];
  /** Who covered which months that year; null for a publication kept before it was recorded (export format 3). */
  coverage: readonly CoveredPeriod[] | null;
}

export interface DocumentInput {
  report: TeamReport;
  language: Language;
  texts: ReportTexts;
  /** The team's organisation as the invitation named it: the title page's default. */
  organisation: string | null;
  madeOn: string;
  /** Whether the optional IOA section is included. */
  ioa: boolean;
  previous: PreviousYear | null;
  differencing: Differencing | null;
}

type Part = 'team' | 'faculty';
type KeptSections = PublishedTables['published'];
type KeptSection = NonNullable<KeptSections['team']>;
/** Where the change against last year compares unlike years: said in its column's label and under each table. */
interface ChangeMark {
  label: string;
  note: string;
}
type TableName = { [K in keyof ReportSection]: ReportSection[K] extends ReportTable | null ? K : never }[keyof ReportSection];
type CrossName = { [K in keyof ReportSection]: ReportSection[K] extends ReportCross | null ? K : never }[keyof ReportSection];

const count = (value: Published | null): PublicationCell => ({ kind: 'count', value });
const change = (current: Published | null | undefined, previous: Published | null | undefined): PublicationCell => ({
  kind: 'change',
  value: typeof current === 'number' && typeof previous === 'number' ? current - previous : null,
});

/** Each table's labels: the list its rows (and, for crosses, its columns) come from. */
const ROW_LIST: Record<TableName, LabelList> = {
  reportsByFunction: 'vaultFunction',
  reportsByAdviser: 'adviser',
  reporterProfile: 'staffCategory',
  employmentStatus: 'employmentStatus',
  reporterRole: 'reporterRole',
  earlierPeriod: 'earlierPeriod',
  duringPhdByStaffCategory: 'staffCategory',
  ageStructure: 'ageBand',
  intakeRoutes: 'intakeRoute',
  natures: 'nature',
  otherParty: 'otherPartyRelation',
  handling: 'handling',
  handlingSummary: 'handlingSummary',
  referralTargets: 'referralTarget',
  ioaCategories: 'ioaCategory',
  mediationOutcomes: 'mediationOutcome',
  signals: 'nature',
  activities: 'activityType',
  attendees: 'activityType',
};
const CROSS_LISTS: Record<CrossName, [LabelList, LabelList]> = {
  referralsByFunction: ['vaultFunction', 'referralTarget'],
  natureByOtherParty: ['nature', 'otherPartyRelation'],
  natureByHierarchy: ['nature', 'hierarchy'],
  natureByBystander: ['nature', 'bystander'],
};
const TABLE_TITLE: Partial<Record<TableName, string>> = {
  signals: 'publication.signals',
  activities: 'publication.activities',
  attendees: 'publication.attendees',
  ioaCategories: 'publication.ioaCategories',
  mediationOutcomes: 'publication.mediationOutcomes',
};
const CHARTED = new Set<TableName>(['reporterProfile', 'ageStructure', 'reportsByFunction', 'reportsByAdviser', 'natures', 'handlingSummary', 'handling']);

class DocumentBuilder {
  constructor(
    private readonly t: TFunction,
    private readonly k: number,
    private readonly language: Language,
    private readonly previous: PreviousYear | null,
    private readonly changeMarks: Record<Part, ChangeMark | null>,
  ) {}

  private footnotes(values: (Published | null)[]): string[] {
    const notes: string[] = [];
    if (values.includes('small')) notes.push(this.t('publication.noteSmall', { k: this.k, less: this.k - 1 }));
    if (values.includes('complement')) notes.push(this.t('publication.noteComplement'));
    return notes;
  }

  private changeColumn(part: Part): { label: string; code: string }[] {
    if (!this.previous) return [];
    return [{ label: this.changeMarks[part]?.label ?? this.t('publication.change', { year: this.previous.year }), code: 'change' }];
  }

  private changeNote(part: Part): string[] {
    const mark = this.previous && this.changeMarks[part];
    return mark ? [mark.note] : [];
  }

  table(part: Part, name: TableName, table: ReportTable | null, previous: KeptSection | null): PublicationTable | null {
    if (!table) return null;
    const label = tableRowLabel(this.t, name, ROW_LIST[name]);
    const unit = this.t(`team.unit.${table.unit}`);
    // Zeros are facts a reader looks for ("0 to the complaints committee"); a table of nothing but zeros says nothing, and the section says so once.
    if (table.rows.every((row) => row.value === 0)) return null;
    const before = previous?.[name] as ReportTable | null | undefined;
    const previousValue = (key: string) => before?.rows.find((row) => row.key === key)?.value;
    const withChange = (cells: PublicationCell[], current: Published | null, earlier: Published | null | undefined) => (this.previous ? [...cells, change(current, earlier)] : cells);
    return {
      id: `${part}.${name}`,
      title: this.t(TABLE_TITLE[name] ?? `team.${name}`),
      unitLine: `${this.t('team.unitLine', { unit, base: shownCount(table.base, this.k) })}${table.multi ? ` ${this.t('team.multiNote', { unit })}` : ''}`,
      base: table.base,
      columns: [
        { label: this.t('team.countOf', { unit }), code: 'count' },
        { label: this.t('team.percent'), code: 'percent' },
        ...this.changeColumn(part),
      ],
      rows: [
        ...table.rows.map((row) => ({
          label: label(row.key),
          code: row.key,
          cells: withChange([count(row.value), { kind: 'percent' as const, value: row.percent }], row.value, previousValue(row.key)),
          total: false,
        })),
        ...(table.hasTotal
          ? [{ label: this.t('team.total'), code: 'total', cells: withChange([count(table.total), { kind: 'text' as const, value: '' }], table.total, before?.total), total: true }]
          : []),
      ],
      chart: CHARTED.has(name) ? table.rows.filter((row) => row.value !== 0).map((row) => ({ label: label(row.key), value: row.value })) : null,
      footnotes: [...this.footnotes([...table.rows.map((row) => row.value), table.total]), ...this.changeNote(part)],
    };
  }

  cross(part: 'team' | 'faculty', name: CrossName, cross: ReportCross | null): PublicationTable | null {
    if (!cross || cross.rowKeys.length === 0) return null;
    const [rowList, columnList] = CROSS_LISTS[name];
    const rowLabel = keyLabel(this.t, rowList);
    const columnLabel = name === 'referralsByFunction' ? (key: string) => (key === 'elsewhere' ? this.t('taxonomy.referralTarget.other') : keyLabel(this.t, columnList)(key)) : keyLabel(this.t, columnList);
    const unit = this.t(`team.unit.${cross.unit}`);
    return {
      id: `${part}.${name}`,
      title: this.t(`team.${name}`),
      unitLine: `${this.t('team.crossUnitLine', { unit })}${name === 'referralsByFunction' ? '' : ` ${this.t('team.multiNote', { unit })}`}`,
      base: null,
      columns: [...cross.columnKeys.map((key) => ({ label: columnLabel(key), code: key })), { label: this.t('team.total'), code: 'total' }],
      rows: [
        ...cross.rowKeys.map((key, i) => ({ label: rowLabel(key), code: key, cells: [...cross.cells[i]!.map(count), count(cross.rowTotals[i]!)], total: false })),
        { label: this.t('team.total'), code: 'total', cells: [...cross.columnTotals.map(count), count(cross.total)], total: true },
      ],
      chart: null,
      footnotes: this.footnotes([...cross.cells.flat(), ...cross.rowTotals, ...cross.columnTotals, cross.total]),
    };
  }

  keyFigures(part: Part, figures: KeyFigures, previous: KeptSection | null, headcount: number | null): PublicationTable {
    const before = previous?.keyFigures;
    const counted = ['reports', 'reporters', 'jointReports', 'openAtStart', 'conversations', 'conversationsOnReports', 'boardAdvices', 'boardAdviceReports', 'procedureReports', 'procedureBothMet', 'procedurePending'] as const;
    const twice = figures.recordedReports;
    const rows = [
      { label: this.t('team.key.advisers'), code: 'advisers', value: figures.advisers as Published, earlier: before?.advisers as Published | undefined },
      ...counted.map((figure) => ({ label: this.t(`team.key.${figure}`), code: figure, value: figures[figure], earlier: before?.[figure] })),
      // Only where a report was recorded by two functions: the tables' total, beside the total that counts it once.
      ...(twice === null ? [] : [{ label: this.t('team.key.recordedReports'), code: 'recordedReports', value: twice, earlier: undefined }]),
    ];
    const ratios = [
      { label: this.t('team.key.conversationsPerReporter'), code: 'conversationsPerReporter', value: figures.conversationsPerReporter, percent: false },
      ...(part === 'team' && headcount !== null ? [{ label: this.t('team.key.staffShare'), code: 'staffShare', value: figures.staffShare, percent: true }] : []),
    ];
    const share = figures.staffShare === null ? '—' : decimalText(figures.staffShare, this.language);
    return {
      id: `${part}.keyFigures`,
      title: this.t('team.key.title'),
      unitLine: part === 'team' && headcount !== null ? this.t('team.key.staffShareValue', { share, headcount }) : '',
      base: null,
      columns: [{ label: this.t('publication.value'), code: 'value' }, ...this.changeColumn(part)],
      rows: [
        ...rows.map((row) => ({ label: row.label, code: row.code, cells: this.previous ? [count(row.value), change(row.value, row.earlier)] : [count(row.value)], total: false })),
        ...ratios.map((ratio) => ({
          label: ratio.label,
          code: ratio.code,
          cells: [{ kind: 'ratio' as const, value: ratio.value, percent: ratio.percent }, ...(this.previous ? [{ kind: 'text' as const, value: '' }] : [])],
          total: false,
        })),
      ],
      chart: null,
      footnotes: [...this.footnotes(rows.map((row) => row.value)), ...(twice === null ? [] : [this.t('publication.recordedReportsNote')]), ...this.changeNote(part)],
    };
  }

  /** What the merging member answered for flows whose two sides disagree, in words naming functions. */
  private flowAnswerNotes(flows: ReportSection['referralFlows']): string[] {
    const party = (code: string) => this.t(`team.flowParty.${code}`);
    return flows.flatMap((flow) => (flow.answer ? [this.t(`publication.flowAnswered.${flow.answer}`, { from: party(flow.from), to: party(flow.to) })] : []));
  }

  flows(section: ReportSection): PublicationTable | null {
    if (section.referralFlows.length === 0) return null;
    const target = keyLabel(this.t, 'referralTarget');
    const countedOnce = section.referralFlows.some((flow) => flow.countedOnce !== null);
    const values = section.referralFlows.flatMap((flow) => [flow.made, flow.received, flow.countedOnce]);
    return {
      id: 'team.referralFlows',
      title: this.t('team.referralFlows'),
      unitLine: this.t('team.referralFlowsUnit'),
      base: null,
      columns: [
        { label: this.t('team.flowMade'), code: 'made' },
        { label: this.t('team.flowReceived'), code: 'received' },
        ...(countedOnce ? [{ label: this.t('team.flowCountedOnce'), code: 'countedOnce' }] : []),
      ],
      rows: section.referralFlows.map((flow) => ({
        label: this.t('publication.flowRow', { from: target(flow.from), to: target(flow.to) }),
        code: `${flow.from}>${flow.to}`,
        cells: [count(flow.made), count(flow.received), ...(countedOnce ? [count(flow.countedOnce)] : [])],
        total: false,
      })),
      chart: null,
      footnotes: [...this.footnotes(values), ...this.flowAnswerNotes(section.referralFlows)],
    };
  }

  /** What the ombudsperson recorded of each mediation; the handling table's row counts the reports marked as handled by mediation. */
  mediation(section: ReportSection): PublicationTable {
    const figures = ['mediations', 'hearings', 'sessions', 'agreements'] as const;
    return {
      id: 'team.mediation',
      title: this.t('publication.mediationFigures'),
      unitLine: this.t('publication.mediationUnit'),
      base: null,
      columns: [{ label: this.t('publication.value'), code: 'value' }],
      rows: figures.map((figure) => ({ label: this.t(`publication.mediationFigure.${figure}`), code: figure, cells: [count(section.mediation[figure])], total: false })),
      chart: null,
      footnotes: this.footnotes(figures.map((figure) => section.mediation[figure])),
    };
  }

  units(report: TeamReport): PublicationTable | null {
    if (report.units.length === 0) return null;
    return {
      id: 'team.units',
      title: this.t('team.units'),
      unitLine: this.t('team.unitsUnit'),
      base: null,
      columns: [{ label: this.t('team.countOf', { unit: this.t('team.unit.reports') }), code: 'count' }],
      rows: report.units.map((unit) => ({ label: unit.unit, code: unit.unit, cells: [count(unit.reports)], total: false })),
      chart: null,
      footnotes: [],
    };
  }
}

/** Which tables each section of the document holds, in the order of the reference report's figures. */
function sectionTables(builder: DocumentBuilder, report: TeamReport, previous: KeptSections | null): Record<PublicationSectionId, (PublicationTable | null)[]> {
  const team = report.published.team;
  const faculty = report.published.faculty;
  const teamTable = (name: TableName) => builder.table('team', name, team?.[name] ?? null, previous?.team ?? null);
  const facultyTable = (name: TableName) => builder.table('faculty', name, faculty?.[name] ?? null, previous?.faculty ?? null);
  return {
    summary: [team ? builder.keyFigures('team', team.keyFigures, previous?.team ?? null, report.headcount) : null, builder.units(report)],
    profile: [teamTable('reporterProfile'), teamTable('employmentStatus'), teamTable('reporterRole'), teamTable('earlierPeriod'), teamTable('duringPhdByStaffCategory')],
    age: [teamTable('ageStructure')],
    functions: [teamTable('reportsByFunction'), team ? builder.flows(team) : null, builder.cross('team', 'referralsByFunction', team?.referralsByFunction ?? null), teamTable('intakeRoutes'), teamTable('referralTargets')],
    nature: [
      teamTable('natures'),
      builder.cross('team', 'natureByOtherParty', team?.natureByOtherParty ?? null),
      builder.cross('team', 'natureByHierarchy', team?.natureByHierarchy ?? null),
      builder.cross('team', 'natureByBystander', team?.natureByBystander ?? null),
      teamTable('otherParty'),
    ],
    handling: [teamTable('handlingSummary'), teamTable('handling')],
    faculty: faculty
      ? [
          builder.keyFigures('faculty', faculty.keyFigures, previous?.faculty ?? null, null),
          facultyTable('reportsByAdviser'),
          facultyTable('reporterProfile'),
          facultyTable('ageStructure'),
          facultyTable('natures'),
          facultyTable('handlingSummary'),
        ]
      : [],
    signals: [teamTable('signals'), facultyTable('signals')],
    outreach: [teamTable('activities'), teamTable('attendees'), facultyTable('activities')],
    mediation: team ? [builder.mediation(team), teamTable('mediationOutcomes')] : [],
    ioa: [teamTable('ioaCategories'), facultyTable('ioaCategories')],
  };
}

const FACULTY_FUNCTIONS = VAULT_FUNCTIONS.filter((fn) => !TEAM_SECTION_FUNCTIONS.includes(fn));

/** A function's coverage in words: "1 adviseur over januari – december 2022; 1 adviseur over september – december 2022". */
function coverageWords(covered: readonly Omit<CoveredPeriod, 'function'>[], t: TFunction, language: Language): string {
  return coverageOf(covered, language)
    .map((group) => t('publication.coverage', { count: group.advisers, months: group.months }))
    .join(t('publication.coverageSeparator'));
}

/**
 * Where the change against last year compares unlike years, per part of the document: a function
 * of that part covered other months or by more or fewer advisers (a partial year, an adviser more),
 * or last year's publication was kept before format 4 and counted dated acts by first contact.
 */
function changeMarks(report: TeamReport, previous: PreviousYear | null, t: TFunction, language: Language): Record<Part, ChangeMark | null> {
  if (!previous) return { team: null, faculty: null };
  const { year, coverage } = previous;
  if (!coverage) {
    const counted = { label: t('publication.changeCountedDifferently', { year }), note: t('publication.countedDifferently', { year }) };
    return { team: counted, faculty: counted };
  }
  const functionLabel = keyLabel(t, 'vaultFunction');
  const words = (covered: readonly CoveredPeriod[], fn: VaultFunction) => {
    const own = covered.filter((entry) => entry.function === fn);
    return own.length === 0 ? t('publication.coverageNone') : coverageWords(own, t, language);
  };
  const mark = (functions: readonly VaultFunction[]): ChangeMark | null => {
    const differing = coveredDifferently(report.imports, coverage, functions);
    if (differing.length === 0) return null;
    const changes = differing.map((fn) => t('publication.coverageChange', { function: functionLabel(fn), current: words(report.imports, fn), year, previous: words(coverage, fn) }));
    return { label: t('publication.changeOtherCoverage', { year }), note: t('publication.coverageDiffers', { year, changes: changes.join(' ') }) };
  };
  return { team: mark(TEAM_SECTION_FUNCTIONS), faculty: mark(FACULTY_FUNCTIONS) };
}

/** Per function: which months its advisers covered, in words ("2 advisers for June – December 2022"). */
function periods(report: TeamReport, t: TFunction, language: Language): PublicationDocument['periods'] {
  const functionLabel = keyLabel(t, 'vaultFunction');
  const order = [...TEAM_SECTION_FUNCTIONS, ...FACULTY_FUNCTIONS];
  return order.flatMap((fn) => {
    const imports = report.imports.filter((entry) => entry.function === fn);
    if (imports.length === 0) return [];
    const period = coverageWords(imports, t, language);
    const advisers = new Set(imports.map((entry) => entry.adviser)).size;
    return [{ function: functionLabel(fn), period, advisers, line: t('publication.periodLine', { function: functionLabel(fn), coverage: period }) }];
  });
}

export function buildPublicationDocument(input: DocumentInput): PublicationDocument {
  const { report, language, texts } = input;
  const t = translatorFor(language);
  const builder = new DocumentBuilder(t, report.k, language, input.previous, changeMarks(report, input.previous, t, language));
  const tables = sectionTables(builder, report, input.previous?.sections ?? null);
  // Every section of the reference report stands in the document; faculty advisers only when they contributed.
  const sections: PublicationSection[] = Object.entries(tables).flatMap(([id, list]) => {
    const sectionId = id as PublicationSectionId;
    if (sectionId === 'faculty' && !report.published.faculty) return [];
    if (sectionId === 'ioa' && !input.ioa) return [];
    const present = list.filter((table): table is PublicationTable => table !== null);
    return [{ id: sectionId, title: t(`publication.section.${sectionId}`), text: texts[sectionId] ?? '', tables: present, emptyNote: present.length === 0 ? t('publication.sectionEmpty') : null }];
  });
  return {
    language,
    title: t('publication.title', { year: report.year }),
    organisation: texts.organisation || input.organisation || t('publication.organisationMissing'),
    year: report.year,
    k: report.k,
    madeOn: t('publication.madeOn', { date: longDate(language, input.madeOn) }),
    periodsTitle: t('publication.periodsTitle'),
    periods: periods(report, t, language),
    notes: [t('publication.noteSmall', { k: report.k, less: report.k - 1 }), t('publication.noteComplement'), t('publication.notePercent')],
    comparedWith: input.previous?.year ?? null,
    differencing: input.differencing,
    sections,
  };
}
