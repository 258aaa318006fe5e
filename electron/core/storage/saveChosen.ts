import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../errors';
import type { ShellServices } from '../shell';

/** Writes where the adviser chose in the shell's own dialog; only the file's name travels back. */
export async function saveWhereChosen(shell: ShellServices, suggestedName: string, content: string | Buffer): Promise<{ fileName: string }> {
  const path = await shell.chooseSavePath(suggestedName);
  if (!path) throw new AppError('CANCELLED');
  writeFileSync(path, content, { mode: 0o600 });
  return { fileName: basename(path) };
}
