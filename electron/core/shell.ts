/** The report document's print route, rendered off-screen: the PDF, and each chart as a PNG. */
export interface RenderedReport {
  pdf: Buffer;
  charts: { id: string; png: Buffer }[];
}

/**
 * What the core needs from the desktop around it: a file the adviser picks, and the report
 * document rendered by the renderer's print route (the core has no DOM to draw charts). The core never takes a path from the renderer; it writes only where the adviser chose
 * in the shell's own dialog. Electron provides these in main.ts, the tests and harness their own.
 */
export interface ShellServices {
  /** Asks the adviser where to save; null when they cancel. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** Asks the adviser for a folder (backups); null when they cancel. */
  chooseFolder(purpose: 'backupFolder' | 'restoreFrom'): Promise<string | null>;
  /** Renders `route` (a hash route of the renderer) off-screen, then prints it and captures its charts. */
  renderReport(route: string): Promise<RenderedReport>;
}

export const noShell: ShellServices = {
  chooseSavePath: async () => null,
  chooseFolder: async () => null,
  renderReport: async () => {
    throw new Error('no window to render in');
  },
};
