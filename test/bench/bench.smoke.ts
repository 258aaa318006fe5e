import { describe, expect, it } from 'vitest';
import { runBench } from './run';

/** The benchmark at its smallest size: that it runs and yields every figure. Timings are never asserted. */
describe('npm run bench, smallest size', () => {
  it('produces every figure for the core and the renderer', async () => {
    const result = await runBench([1000], true, 400);
    const [size] = result.sizes;
    expect(size!.conversations).toBe(1000);
    for (const value of [
      size!.unlockMs,
      size!.listPage.encryptedMs,
      size!.listPage.plainMs,
      size!.listPage.ratio,
      size!.filteredList.ratio,
      size!.search.encryptedP50Ms,
      size!.search.encryptedP95Ms,
      size!.search.ratioP50,
      size!.searchWithSnippets.encryptedP95Ms,
      size!.yearlyExport.encryptedMs,
      size!.yearlyExport.ratio,
      size!.teamMergeOf25Ms,
      size!.peakRssMiB,
    ]) {
      expect(Number.isFinite(value) && value > 0).toBe(true);
    }
    for (const place of ['coreProcess', 'inProcess'] as const) {
      for (const figures of Object.values(result.shellStall[0]![place])) {
        expect(figures.durationMs).toBeGreaterThan(0);
        expect(Number.isFinite(figures.longestStallMs)).toBe(true);
      }
    }
    const [drafts] = result.drafts;
    for (const value of [drafts!.save.p50Ms, drafts!.save.p95Ms, drafts!.formSave.p50Ms, drafts!.continuous.saves]) expect(Number.isFinite(value) && value > 0).toBe(true);
    expect(Number.isFinite(drafts!.continuous.longestStallMs)).toBe(true);
    expect(result.renderer!.cases).toBeGreaterThan(0);
    expect(result.renderer!.scrollFrames).toBeGreaterThan(0);
    expect(Number.isFinite(result.renderer!.unlockToFirstRowsMs)).toBe(true);
  });
});
