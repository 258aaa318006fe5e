import { join } from 'node:path';
import type { ShellServices } from '../../electron/core/shell';

/**
 * The shell's dialogs as a test drives them: each save goes to the next name in a folder the
 * test owns (or is cancelled), and printing returns what the test supplies.
 */
export function testShell(folder: string, renderReport: ShellServices['renderReport'] = async () => ({ pdf: Buffer.from('%PDF-1.4\n'), charts: [] })) {
  const saved: string[] = [];
  let cancelNext = false;
  const folders: (string | null)[] = [];
  const shell: ShellServices = {
    async chooseSavePath(suggestedName) {
      if (cancelNext) {
        cancelNext = false;
        return null;
      }
      const path = join(folder, suggestedName);
      saved.push(path);
      return path;
    },
    async chooseFolder() {
      return folders.shift() ?? null;
    },
    renderReport,
  };
  return {
    shell,
    saved,
    cancelNextSave() {
      cancelNext = true;
    },
    /** The folder the next folder dialog answers with (null: the adviser cancels). */
    nextFolder(folder: string | null) {
      folders.push(folder);
    },
  };
}
