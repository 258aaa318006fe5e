import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-sc/400.css';

/**
 * The dossier prints a reporter's name in whatever script it is written: Polish and Turkish
 * letters (Noto Sans, Latin extended), Arabic, and Chinese (Noto Sans SC). Shipped with the app,
 * so the PDF never depends on the fonts of the adviser's system (Debian's Chromium has only
 * DejaVu, which has no Chinese at all); each file holds a range of characters and loads only
 * when a dossier uses one.
 */
export const DOSSIER_FONTS = ['Noto Sans', 'Noto Sans Arabic', 'Noto Sans SC'] as const;
