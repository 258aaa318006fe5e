// Linted as if it were electron/core/vault/vaultImportsCases.ts: the vault reaching up into cases.
import { listCases } from '../cases/caseList';

export const listFromTheVault = listCases;
