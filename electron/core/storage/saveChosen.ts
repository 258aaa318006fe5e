import { basename } from 'node:path';
import { AppError } from '../errors';
import type { ShellServices } from '../shell';
import { writeFileAtomic } from './atomicWrite';

/** Writes where the adviser chose in the shell's own dialog; only the file's name travels back. */
export async function saveWhereChosen(shell: ShellServices, suggestedName: string, content: string | Buffer): Promise<{ fileName: string }> {
  const path = await shell.chooseSavePath(suggestedName);
  if (!path) throw new AppError('CANCELLED');
  writeFileAtomic(path, content);
  return { fileName: basename(path) };
}
