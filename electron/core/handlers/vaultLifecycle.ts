import { setProfile } from '../vault/profile';
import { recoverySheetPdf } from '../vault/recoverySheet';
import type { Handlers } from '../ipc/router';
import { saveWhereChosen } from '../storage/saveChosen';
import { verifyBackupsOfLocks } from './backup';
import { done, type CoreContext } from './context';

type VaultChannel =
  | 'vault.status'
  | 'vault.create'
  | 'vault.unlock'
  | 'vault.recover'
  | 'vault.lock'
  | 'vault.lockReady'
  | 'vault.changePassphrase'
  | 'vault.newRecoveryKey'
  | 'vault.saveRecoverySheet'
  | 'vault.rotateKey';

/** Making, opening, locking and re-keying the vault. */
export function vaultLifecycleHandlers(context: CoreContext) {
  const { vault, db, settings, shell, events, locks, today } = context;
  return {
    'vault.status': () => vault.status(),
    'vault.create': async ({ passphrase, function: fn, external }) => {
      const recoveryKey = await vault.create(passphrase);
      setProfile(db(), { function: fn, external });
      return { recoveryKey };
    },
    'vault.unlock': async ({ passphrase }) => {
      await vault.unlock(passphrase);
      verifyBackupsOfLocks(context);
      return done;
    },
    'vault.recover': async ({ recoveryKey, newPassphrase }) => {
      const renewed = await vault.recover(recoveryKey, newPassphrase);
      verifyBackupsOfLocks(context);
      return { recoveryKey: renewed };
    },
    'vault.lock': async () => {
      await locks.request('renderer');
      return done;
    },
    'vault.lockReady': () => {
      locks.ready();
      return done;
    },
    'vault.changePassphrase': async ({ current, next }) => {
      await vault.changePassphrase(current, next);
      return done;
    },
    'vault.newRecoveryKey': async ({ passphrase }) => ({ recoveryKey: await vault.newRecoveryKey(passphrase) }),
    'vault.saveRecoverySheet': async ({ recoveryKey }) => {
      const { language } = settings.get();
      const pdf = await recoverySheetPdf(recoveryKey, language, today());
      return saveWhereChosen(shell, language === 'nl' ? 'Confidant-herstelblad.pdf' : 'Confidant-recovery-sheet.pdf', Buffer.from(pdf));
    },
    'vault.rotateKey': ({ passphrase }) => events.withProgress('rotation', async (report) => ({ recoveryKey: await vault.rotateDataKey(passphrase, report) })),
  } satisfies Pick<Handlers, VaultChannel>;
}
