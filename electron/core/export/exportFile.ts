import { createHash, randomUUID } from 'node:crypto';
import { EXPORT_OLDEST_READ_VERSION, EXPORT_SCHEMA, EXPORT_SCHEMA_VERSION, ExportFile, type ExportBody, type ExportCounts } from '../../../shared/schemas/export';
import type { ExportPeriod } from '../../../shared/schemas/export';
import type { Profile } from '../../../shared/contract';
import { neutralised } from '../../../shared/neutralise';
import { emptyMap } from './merge';

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(body: ExportBody): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export function buildExportFile(profile: Profile, sequence: number, period: ExportPeriod, exportedOn: string, counts: ExportCounts): ExportFile {
  const body: ExportBody = {
    schema: EXPORT_SCHEMA,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportId: randomUUID(),
    adviserId: profile.adviserId,
    sequence,
    function: profile.function,
    external: profile.external,
    period,
    exportedOn,
    counts,
  };
  return { ...body, sha256: contentHash(body) };
}

export type VerifyResult = { ok: true; file: ExportFile } | { ok: false; reason: 'INVALID_EXPORT' | 'TAMPERED_EXPORT' | 'EXPORT_FROM_OLDER_VERSION' };

/**
 * Whether an export's format is older than the oldest this version reads (3 and before): such a file counted conversations,
 * referrals and closures in the year of first contact, and no conversion can move them to the
 * year they happened, so it is refused with a way forward (the adviser exports again).
 */
export function isOlderFormat(parsed: unknown): boolean {
  const { schema, schemaVersion } = (parsed ?? {}) as { schema?: unknown; schemaVersion?: unknown };
  return schema === EXPORT_SCHEMA && typeof schemaVersion === 'number' && schemaVersion < EXPORT_OLDEST_READ_VERSION;
}

/** A file is accepted only if it has our schema and its hash matches its content. */
export function verifyExportFile(text: string): VerifyResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'INVALID_EXPORT' };
  }
  if (isOlderFormat(parsed)) return { ok: false, reason: 'EXPORT_FROM_OLDER_VERSION' };
  const result = ExportFile.safeParse(parsed);
  if (!result.success) return { ok: false, reason: 'INVALID_EXPORT' };
  // The parsed copy of the unit table is rebuilt by assignment, where a unit named `__proto__`
  // would vanish; the checked original's entries go into a map without a prototype instead.
  const units = (parsed as { counts: { byUnit: Record<string, number> | null } }).counts.byUnit;
  if (units) result.data.counts.byUnit = Object.assign(emptyMap<number>(), Object.fromEntries(Object.entries(units)));
  // Over the bytes as written: a count a later format added and this file lacks is filled in only after the check.
  const { sha256: _hash, ...written } = parsed as Record<string, unknown>;
  if (contentHash(written as ExportBody) !== result.data.sha256) return { ok: false, reason: 'TAMPERED_EXPORT' };
  return { ok: true, file: result.data };
}

/**
 * Every count as one CSV line: table, key, sub-key, value. Only codes and numbers, no free text but
 * opted-in unit names, which are the team's words and so neutralised against formulas like any text.
 * With a byte-order mark, so Excel reads a unit's "é" as UTF-8.
 */
export function exportCsv(file: ExportFile): string {
  const lines = ['table,key,subkey,value'];
  const cell = (value: string) => (/[",;\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const text = (value: string) => cell(neutralised(value));
  const walk = (path: string[], value: unknown) => {
    if (value === null) return;
    if (typeof value === 'object') {
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) walk([...path, key], inner);
      return;
    }
    const [tableName = '', key = '', ...rest] = path;
    lines.push([...[tableName, key, rest.join('.')].map(text), typeof value === 'number' ? String(value) : text(String(value))].join(','));
  };
  walk(['meta', 'adviser_id'], file.adviserId);
  walk(['meta', 'sequence'], file.sequence);
  walk(['meta', 'function'], file.function);
  walk(['meta', 'external'], String(file.external));
  walk(['meta', 'period_from'], file.period.from);
  walk(['meta', 'period_to'], file.period.to);
  walk(['meta', 'export_id'], file.exportId);
  walk(['meta', 'sha256'], file.sha256);
  const { caseShapes, ...tables } = file.counts;
  walk([], tables);
  for (const shape of caseShapes) {
    lines.push(['caseShapes', shape.natures.join('+'), `${shape.otherParty}.${shape.hierarchical}.${shape.bystander ? 'bystander' : 'no_bystander'}`, String(shape.reports)].join(','));
  }
  return `\uFEFF${lines.join('\n')}\n`;
}
