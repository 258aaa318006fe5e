/**
 * `npm run bench`: the core at three sizes (1,000, 10,000 and 100,000 conversations), encrypted
 * against plain on the same queries in one run, and the renderer with 30,000 cases in Chromium.
 * Prints a table and writes bench-results/bench.json. Sizes can be narrowed: BENCH_SIZES=1000.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CASE_LIST_PAGE } from '../../shared/limits';
import { temporaryDirectory } from '../support/temporaryDirectory';
import { benchCore, type CoreFigures } from './core.bench';
import { benchDrafts, type DraftFigures } from './drafts.bench';
import { benchRenderer, type RendererFigures } from './renderer.bench';
import { benchShellStall, type StallFigures } from './shellStall.bench';

export interface BenchResult {
  machine: { node: string; cpus: number };
  sizes: CoreFigures[];
  /** Per size: long operations with the core in its own process vs in the calling (main) process. */
  shellStall: ({ conversations: number } & StallFigures)[];
  /** Per size: what keeping drafts while the adviser types costs, and whether main stalls meanwhile. */
  drafts: ({ conversations: number } & DraftFigures)[];
  renderer: RendererFigures | null;
}

export async function runBench(sizes: number[], withRenderer: boolean, rendererCases = 30_000): Promise<BenchResult> {
  const folder = temporaryDirectory();
  try {
    const results: CoreFigures[] = [];
    const shellStall: BenchResult['shellStall'] = [];
    const drafts: BenchResult['drafts'] = [];
    for (const size of sizes) {
      results.push(await benchCore(folder.path, size));
      shellStall.push({ conversations: size, ...(await benchShellStall(folder.path, join(folder.path, `vault-${size}`), size)) });
      drafts.push({ conversations: size, ...(await benchDrafts(folder.path, join(folder.path, `vault-${size}`), size)) });
    }
    const renderer = withRenderer ? await benchRenderer(folder.path, rendererCases) : null;
    return { machine: { node: process.version, cpus: (await import('node:os')).cpus().length }, sizes: results, shellStall, drafts, renderer };
  } finally {
    folder.remove();
  }
}

function table(result: BenchResult): string {
  const header = ['conversations', 'cases', 'unlock ms', 'list page enc/plain ms (ratio)', 'filtered enc/plain ms (ratio)', 'search p50 enc/plain ms (ratio)', 'search p95 enc ms', `search as the window asks it (first ${CASE_LIST_PAGE} rows with snippets, signals) p50 / p95 enc ms`, 'yearly export enc/plain ms (ratio)', 'merge 25 ms', 'peak RSS MiB'];
  const rows = result.sizes.map((s) => [
    s.conversations,
    s.cases,
    s.unlockMs,
    `${s.listPage.encryptedMs} / ${s.listPage.plainMs} (${s.listPage.ratio})`,
    `${s.filteredList.encryptedMs} / ${s.filteredList.plainMs} (${s.filteredList.ratio})`,
    `${s.search.encryptedP50Ms} / ${s.search.plainP50Ms} (${s.search.ratioP50})`,
    s.search.encryptedP95Ms,
    `${s.searchWithSnippets.encryptedP50Ms} / ${s.searchWithSnippets.encryptedP95Ms}`,
    `${s.yearlyExport.encryptedMs} / ${s.yearlyExport.plainMs} (${s.yearlyExport.ratio})`,
    s.teamMergeOf25Ms,
    s.peakRssMiB,
  ]);
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
  const stallHeader = ['conversations', 'operation', 'core process: duration ms', 'core process: longest main stall ms', 'in main process: duration ms', 'in main process: longest stall ms'];
  lines.push('', `| ${stallHeader.join(' | ')} |`, `|${stallHeader.map(() => '---').join('|')}|`);
  for (const size of result.shellStall) {
    for (const operation of ['backup', 'retentionDestruction', 'keyRotation'] as const) {
      const [separate, inline] = [size.coreProcess[operation], size.inProcess[operation]];
      lines.push(`| ${size.conversations} | ${operation} | ${separate.durationMs} | ${separate.longestStallMs} | ${inline.durationMs} | ${inline.longestStallMs} |`);
    }
  }
  const draftHeader = ['conversations', 'draft save p50 / p95 ms', 'form saved with its draft p50 / p95 ms', 'draft saves every 50 ms for 5 s, core process: saves', 'longest main stall ms (idle: no request)'];
  lines.push('', `| ${draftHeader.join(' | ')} |`, `|${draftHeader.map(() => '---').join('|')}|`);
  for (const d of result.drafts) lines.push(`| ${d.conversations} | ${d.save.p50Ms} / ${d.save.p95Ms} | ${d.formSave.p50Ms} / ${d.formSave.p95Ms} | ${d.continuous.saves} | ${d.continuous.longestStallMs} (${d.continuous.idleLongestStallMs}) |`);
  if (result.renderer) {
    const r = result.renderer;
    lines.push('', `Renderer, ${r.cases} cases in Chromium: unlock click to first rows ${r.unlockToFirstRowsMs} ms; scroll top to bottom: ${r.scrollFrames} frames, ${r.framesOver50Ms} over 50 ms (longest ${r.longestFrameMs} ms)`);
  }
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
  void runBench(sizes, process.env.BENCH_RENDERER !== 'off').then((result) => {
    const folder = resolve(__dirname, '../../bench-results');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${table(result)}\n\nWritten to bench-results/bench.json\n`);
  });
}
