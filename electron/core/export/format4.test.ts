import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportBody } from '../../../shared/schemas/export';
import { syntheticCase, syntheticExport } from '../../../test/fixtures/syntheticExports';
import { contentHash, verifyExportFile } from './exportFile';

/** A current export as format 4 wrote it: without the counts format 5 added, its checksum as that version made it. */
function asFormat4(): string {
  const { sha256: _hash, ...body } = syntheticExport('central_confidential_adviser', fc.sample(syntheticCase, { numRuns: 6, seed: 25 }));
  const { receivedByHandover: _handed, procedure: _procedure, ...counts } = body.counts;
  const older = { ...body, schemaVersion: 4, counts };
  return JSON.stringify({ ...older, sha256: contentHash(older as unknown as ExportBody) });
}

describe('an export of format 4', () => {
  it('is still read, its checksum over the bytes it was written with, the count of reports received by handover as none', () => {
    const verified = verifyExportFile(asFormat4());
    expect(verified.ok && verified.file.counts.receivedByHandover).toBe(0);
    expect(verified.ok && verified.file.schemaVersion).toBe(4);
  });

  it('is refused as altered when a count was changed after it was written, and a format 3 as older', () => {
    const altered = JSON.parse(asFormat4()) as { counts: { reports: number }; schemaVersion: number };
    altered.counts.reports += 1;
    expect(verifyExportFile(JSON.stringify(altered))).toEqual({ ok: false, reason: 'TAMPERED_EXPORT' });
    expect(verifyExportFile(JSON.stringify({ ...altered, schemaVersion: 3 }))).toEqual({ ok: false, reason: 'EXPORT_FROM_OLDER_VERSION' });
  });
});
