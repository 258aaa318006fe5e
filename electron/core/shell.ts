/**
 * What the core needs from the desktop around it: a file the adviser picks, and the window as
 * a PDF. The core never takes a path from the renderer; it writes only where the adviser chose
 * in the shell's own dialog. Electron provides these in main.ts, the tests and harness their own.
 */
export interface ShellServices {
  /** Asks the adviser where to save; null when they cancel. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** Asks the adviser for a folder (backups); null when they cancel. */
  chooseFolder(purpose: 'backupFolder' | 'restoreFrom'): Promise<string | null>;
  /** The current window printed as PDF. */
  printToPdf(): Promise<Buffer>;
}

export const noShell: ShellServices = {
  chooseSavePath: async () => null,
  chooseFolder: async () => null,
  printToPdf: async () => {
    throw new Error('no window to print');
  },
};
