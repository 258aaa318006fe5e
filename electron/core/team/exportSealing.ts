import type { ExportTeam } from '../export/exportService';
import { sealExport } from './sealedExport';
import { signWithVault } from './signingKey';
import { membership } from './team';

/** The team as the adviser's export sees it: the accepted invitation's units, and sealing to its keys. */
export const teamForExport: ExportTeam = {
  units: (db) => membership(db)?.units ?? null,
  sealerFor(db) {
    const invitation = membership(db);
    return invitation ? (json, signingDb) => sealExport(json, invitation, (data) => signWithVault(signingDb, data)) : null;
  },
};
