import { AppError } from '../errors';
import type { Db } from '../vault/database';
import { isSealed, openSealedExport } from './sealedExport';
import { signerOf, teamIdentity } from './team';

/**
 * The export JSON a team import may use: a sealed file opened and checked with this vault's team
 * identity, or a plain file only when the merging member accepted it unsealed for this import.
 */
export async function importablePayload(db: Db, content: string, acceptUnsealed: boolean): Promise<string> {
  if (!isSealed(content)) {
    if (!acceptUnsealed) throw new AppError('UNSEALED_EXPORT');
    return content;
  }
  const team = teamIdentity(db);
  if (!team) throw new AppError('NO_TEAM');
  return (await openSealedExport(content, team, (adviserId) => signerOf(db, adviserId))).payload;
}
