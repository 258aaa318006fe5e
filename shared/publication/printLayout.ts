/**
 * How the report document is printed, the same in the app (Electron's printToPDF) and in the
 * browser harness (Chromium's page.pdf): A4, page numbers in the footer, margins that leave room
 * for them. The print route marks <html data-print="ready|failed"> when it is done.
 */
export const PRINT_FOOTER_TEMPLATE =
  '<div style="font-size:11px;width:100%;text-align:center;font-family:DejaVu Sans,Arial,sans-serif;color:#444"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';
export const PRINT_HEADER_TEMPLATE = '<span></span>';
export const PRINT_MARGINS_MM = { top: 15, bottom: 20, left: 15, right: 15 } as const;
export const PRINT_STATE_ATTRIBUTE = 'data-print';

/** The renderer's function, on the print route's window, that gives each chart as a PNG data URL. */
export const CHART_CAPTURE_FUNCTION = 'confidantReportCharts';
export const CHART_ID_ATTRIBUTE = 'data-chart-id';
export const CHART_BAR_ATTRIBUTE = 'data-bar';
