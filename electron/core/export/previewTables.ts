import type { ExportFile } from '../../../shared/schemas/export';
import type { ExportPreviewTables } from '../../../shared/schemas/teamReport';
import { buildTeamReport } from './teamReport';

/** Any threshold will do for the exact view, which is all the preview uses. */
const UNUSED_THRESHOLD = 3;

/**
 * The adviser's own export laid out as the team report lays out every export: the same tables,
 * exact, so the adviser checks in their language what the raw file says. `k` is the team's
 * threshold (null without a team), for marking the cells the team will never publish as is.
 */
export function previewTables(file: ExportFile, k: number | null): ExportPreviewTables {
  const year = Number(file.period.from.slice(0, 4));
  const report = buildTeamReport({ year, years: [year], files: [file], k: UNUSED_THRESHOLD, grouped: false, groupings: [], headcount: null, replacements: [], importsToRedo: 0 });
  return { section: report.exact.team ?? report.exact.faculty, k };
}
