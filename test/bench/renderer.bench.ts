import { closeBrowser, launchApp } from '../e2e/harness';
import { goTo } from '../e2e/steps';
import { CANARY } from '../fixtures/canaries';
import { generateVault } from './generate';
import { round } from './measure';

export interface RendererFigures {
  cases: number;
  unlockToFirstRowsMs: number;
  scrollFrames: number;
  framesOver50Ms: number;
  longestFrameMs: number;
}

/**
 * Scrolls the case list two screens per animation frame until the bottom, and returns the time
 * between frames. Page script as text: serialising a function would carry the runner's helpers.
 */
const SCROLL_TO_BOTTOM = `new Promise((resolve) => {
  const scroller = document.querySelector('[data-testid="case-scroller"]');
  const deltas = [];
  let last = performance.now();
  const step = () => {
    const now = performance.now();
    deltas.push(now - last);
    last = now;
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) return resolve(deltas.slice(1));
    scroller.scrollTop += scroller.clientHeight * 2;
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})`;

/**
 * The real renderer in Chromium on a vault of `cases` cases: the time from the unlock click to
 * the case list's first rows on screen (the unlock lands on Today, the list is one click from it),
 * then a scroll from top to bottom, counting frames over 50 ms.
 */
export async function benchRenderer(folder: string, cases: number): Promise<RendererFigures> {
  const app = await launchApp({ dataDirectory: `${folder}/renderer-vault` });
  try {
    await app.core.router.handle('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
    await app.core.router.handle('settings.update', { backupProposalAnswered: true });
    generateVault(app.core.vault.database(), Math.round(cases * 3.3), 777);
    const total = app.core.vault.database().prepare('SELECT count(*) FROM cases').pluck().get() as number;
    app.core.vault.lock();
    await app.reopen();
    const { page } = app;
    await page.getByLabel('Wachtwoordzin').fill(CANARY.passphrase);
    const start = performance.now();
    await page.getByRole('button', { name: 'Openen', exact: true }).click();
    await page.getByRole('heading', { name: 'Vandaag', exact: true }).waitFor();
    await goTo(page, 'Zaken');
    await page.locator('[data-case-id]').first().waitFor();
    const unlockToFirstRowsMs = performance.now() - start;

    await page.getByTestId('case-scroller').waitFor();
    const frames = (await page.evaluate(SCROLL_TO_BOTTOM)) as number[];
    return {
      cases: total,
      unlockToFirstRowsMs: round(unlockToFirstRowsMs, 0),
      scrollFrames: frames.length,
      framesOver50Ms: frames.filter((delta) => delta > 50).length,
      longestFrameMs: round(Math.max(...frames), 1),
    };
  } catch (error) {
    await app.screenshot('bench-renderer-failed');
    throw error;
  } finally {
    await app.close();
    await closeBrowser();
  }
}
