import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Language } from '../../../shared/schemas/primitives';
import type { PublicationDocument, PublicationTable } from '../../../shared/schemas/publication';
import { cellText } from '../../../shared/publication/shown';
import { tableParts, type TableMetrics } from '../../../shared/publication/tableParts';
import { translatorFor } from '../i18n/translator';

/** A chart as the print route drew it, rasterised: found by its table's id. */
export interface ChartImage {
  id: string;
  png: Buffer;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHART_WIDTH_PT = 450;

/** Width and height from the PNG's header; null for anything that is not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | null {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') return null;
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

const paragraphs = (text: string) => text.split(/\n+/).filter((line) => line.trim() !== '').map((line) => new Paragraph({ text: line }));

/** Table text in half-points: 9 pt, as in the printed report. */
const TABLE_TEXT = 18;
const POINTS_PER_MM = 72 / 25.4;
/** An A4 page between Word's default one-inch margins, 9 pt text, the cells' default padding. */
const WORD_TABLE: TableMetrics = { width: (210 - 2 * 25.4) * POINTS_PER_MM, size: 9, padding: 0.19 * 72 * 2, labelShare: 0.3 };

function cell(text: string, options: { bold?: boolean; right?: boolean } = {}) {
  return new TableCell({
    children: [
      new Paragraph({ alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: options.bold ?? false, size: TABLE_TEXT })] }),
    ],
  });
}

/** The table as Word tables: one, or parts with the row labels again when its columns would not fit the page. */
function tables(source: PublicationTable, k: number, language: Language): (Table | Paragraph)[] {
  const t = translatorFor(language);
  const text = (row: PublicationTable['rows'][number], index: number) => cellText(row.cells[index]!, k, language);
  const parts = tableParts(source, (column) => source.rows.map((row) => text(row, column)), WORD_TABLE);
  return parts.flatMap(({ columns, part, parts: count }) => [
    ...(count > 1 ? [new Paragraph({ children: [new TextRun({ text: t('publication.tablePart', { title: source.title, part, parts: count }), italics: true, size: TABLE_TEXT })] })] : []),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: [cell(''), ...columns.map((index) => cell(source.columns[index]!.label, { bold: true, right: true }))] }),
        ...source.rows.map((row) => new TableRow({ children: [cell(row.label, { bold: row.total }), ...columns.map((index) => cell(text(row, index), { bold: row.total, right: true }))] })),
      ],
    }),
  ]);
}

function chart(image: ChartImage | undefined): Paragraph[] {
  const size = image && pngSize(image.png);
  if (!image || !size) return [];
  const width = CHART_WIDTH_PT;
  const height = Math.round((size.height / size.width) * width);
  return [new Paragraph({ children: [new ImageRun({ type: 'png', data: image.png, transformation: { width, height } })] })];
}

/** The document for a word processor: the same title page, sections and tables as the PDF, charts as pictures. */
export async function publicationDocx(document: PublicationDocument, charts: ChartImage[]): Promise<Buffer> {
  const t = translatorFor(document.language);
  const chartOf = (id: string) => charts.find((entry) => entry.id === id);
  const titlePage = [
    new Paragraph({ text: document.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: document.organisation, heading: HeadingLevel.HEADING_2 }),
    new Paragraph({ text: document.madeOn }),
    new Paragraph({ text: document.periodsTitle, heading: HeadingLevel.HEADING_3 }),
    ...document.periods.map((period) => new Paragraph({ text: period.line, bullet: { level: 0 } })),
    new Paragraph({ text: t('publication.notesTitle'), heading: HeadingLevel.HEADING_3 }),
    ...document.notes.map((note) => new Paragraph({ text: note })),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const body = document.sections.flatMap((section) => [
    new Paragraph({ text: section.title, heading: HeadingLevel.HEADING_1 }),
    ...paragraphs(section.text),
    ...(section.emptyNote ? [new Paragraph({ text: section.emptyNote })] : []),
    ...section.tables.flatMap((source) => [
      new Paragraph({ text: source.title, heading: HeadingLevel.HEADING_2 }),
      ...(source.unitLine ? [new Paragraph({ children: [new TextRun({ text: source.unitLine, italics: true })] })] : []),
      ...chart(chartOf(source.id)),
      ...tables(source, document.k, document.language),
      ...source.footnotes.map((note) => new Paragraph({ children: [new TextRun({ text: note, size: 18 })] })),
    ]),
  ]);
  const footer = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${t('publication.page')} `, PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })] })],
  });
  const file = new Document({
    creator: 'Confidant',
    title: document.title,
    sections: [{ footers: { default: footer }, children: [...titlePage, ...body] }],
  });
  return Packer.toBuffer(file);
}
