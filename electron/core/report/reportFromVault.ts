import type { ReportRequest, TeamReport } from '../../../shared/schemas/teamReport';
import type { Db } from '../vault/database';
import { keptFlowAnswers } from './flowAnswers';
import { getGroupings } from './groupings';
import { headcountOf, importedExports, importsToRedo, importYears, replacementsOf } from './teamImports';
import { buildTeamReport, type ReportInput } from './teamReport';

/** What the team report of one year is made of: the imports, groupings and headcount this vault keeps. */
export function reportInputOf(db: Db, request: ReportRequest): ReportInput {
  return {
    ...request,
    years: importYears(db),
    files: importedExports(db, request.year),
    groupings: getGroupings(db),
    headcount: headcountOf(db, request.year),
    replacements: replacementsOf(db, request.year),
    importsToRedo: importsToRedo(db),
    flowAnswers: keptFlowAnswers(db, request.year),
  };
}

/** The team report of one year, from what this vault keeps. */
export function reportFromVault(db: Db, request: ReportRequest): TeamReport {
  return buildTeamReport(reportInputOf(db, request));
}
