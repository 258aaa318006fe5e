import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { Language } from '../../../shared/schemas/primitives';
import { longDate, translatorFor } from '../i18n/translator';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
/** Five groups of four a row: short enough to copy by eye, wide enough to fit the page at 20 pt. */
const GROUPS_PER_ROW = 5;
const GROUP_SIZE = 20;
const NUMBER_SIZE = 9;

/**
 * The recovery key on one A4 page, like a password manager's emergency kit: the key large, in a
 * typewriter face with its groups apart and numbered, what it does and how to use it, and where to
 * keep the paper. Made in memory; only the file the adviser chooses is written.
 */
export async function recoverySheetPdf(recoveryKey: string, language: Language, madeOn: string): Promise<Uint8Array> {
  const t = translatorFor(language);
  const pdf = await PDFDocument.create();
  pdf.setTitle(t('recoveryKey.sheet.title'));
  pdf.setCreator('Confidant');
  pdf.setProducer('Confidant');
  const page = pdf.addPage([A4.width, A4.height]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const mono = await pdf.embedFont(StandardFonts.CourierBold);
  const width = A4.width - 2 * MARGIN;
  let y = A4.height - MARGIN;

  const paragraph = (text: string, size = 11, font = regular) => {
    const words = text.split(' ');
    let line = '';
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        page.drawText(line, { x: MARGIN, y, size, font });
        y -= size * 1.45;
        line = word;
      } else line = next;
    }
    if (line) page.drawText(line, { x: MARGIN, y, size, font });
    y -= size * 1.45 + 6;
  };

  paragraph(t('recoveryKey.sheet.title'), 20, bold);
  paragraph(t('recoveryKey.sheet.made', { date: longDate(language, madeOn) }), 10);
  y -= 10;
  paragraph(t('recoveryKey.sheet.keyLabel'), 12, bold);
  const groups = recoveryKey.split('-');
  const columnWidth = (width - 32) / GROUPS_PER_ROW;
  const boxTop = y + 16;
  for (let start = 0; start < groups.length; start += GROUPS_PER_ROW) {
    groups.slice(start, start + GROUPS_PER_ROW).forEach((group, column) => {
      const x = MARGIN + 16 + column * columnWidth;
      // The number the check asks for ("Groep 13"), small and above its group so it is not copied as part of the key.
      page.drawText(String(start + column + 1), { x, y: y - 2, size: NUMBER_SIZE, font: regular, color: rgb(0.35, 0.35, 0.35) });
      page.drawText(group, { x, y: y - 24, size: GROUP_SIZE, font: mono });
    });
    y -= 50;
  }
  page.drawRectangle({ x: MARGIN, y: y, width, height: boxTop - y, borderColor: rgb(0.2, 0.2, 0.2), borderWidth: 1.2 });
  y -= 24;
  for (const key of ['numbers', 'what', 'how1', 'how2', 'how3', 'keep'] as const) paragraph(t(`recoveryKey.sheet.${key}`));
  y -= 12;
  paragraph(t('recoveryKey.sheet.writeDown'), 9);
  return pdf.save();
}
