import { randomBytes } from 'node:crypto';
import { ExportService } from '../export/exportService';
import { confirmHandover } from '../handover/confirmHandover';
import { setHandoverConsent } from '../handover/handoverConsent';
import { handoverStatus } from '../handover/handoverStatus';
import { leavingPeriod, recordLeavingExport } from '../handover/leavingExport';
import { addSuccessor, createReceivingKey, readKeyFile, receivingKeyFile } from '../handover/receivingKey';
import { confirmationText, readPackage, receiveHandover } from '../handover/receiveHandover';
import { prepareHandover, recordSent } from '../handover/sendHandover';
import { AppError } from '../errors';
import type { Handlers } from '../ipc/router';
import { previewTables } from '../report/previewTables';
import { saveWhereChosen } from '../storage/saveChosen';
import { teamForExport } from '../team/exportSealing';
import { membership } from '../team/team';
import type { CoreContext } from './context';

type HandoverChannel =
  | 'handover.status'
  | 'handover.createReceivingKey'
  | 'handover.saveReceivingKey'
  | 'handover.readKey'
  | 'handover.addSuccessor'
  | 'handover.setConsent'
  | 'handover.previewExport'
  | 'handover.saveExport'
  | 'handover.send'
  | 'handover.readPackage'
  | 'handover.receive'
  | 'handover.saveConfirmation'
  | 'handover.confirm';

/**
 * Handing open cases to a successor: the successor's receiving key, the leaving adviser's export
 * of the months before, the sealed package, and the confirmation after which the leaving vault's
 * copies are destroyed.
 */
export function handoverHandlers({ db, vault, shell, clock, events, records, today }: CoreContext) {
  // The export before a handover is the adviser's own export, for the months the handover needs.
  const exports = new ExportService(shell, clock, () => records.save(), teamForExport);
  let previewedTo: string | null = null;
  vault.onClose(() => {
    exports.forget();
    previewedTo = null;
  });
  return {
    'handover.status': () => handoverStatus(db(), today()),
    'handover.createReceivingKey': async () => {
      await createReceivingKey(db(), today());
      return handoverStatus(db(), today());
    },
    'handover.saveReceivingKey': ({ keyId }) => saveWhereChosen(shell, 'confidant-handover-key.json', receivingKeyFile(db(), keyId)),
    'handover.readKey': ({ content }) => readKeyFile(db(), content).summary,
    'handover.addSuccessor': ({ content, fingerprint }) => {
      addSuccessor(db(), content, fingerprint, today());
      return handoverStatus(db(), today());
    },
    'handover.setConsent': ({ caseId, givenOn }) => {
      setHandoverConsent(db(), caseId, givenOn, today());
      return handoverStatus(db(), today());
    },
    'handover.previewExport': () =>
      events.withProgress('export', (report) => {
        const period = leavingPeriod(today());
        const preview = exports.preview(db(), { period, includeUnits: false }, report);
        previewedTo = period.to;
        return { ...preview, tables: previewTables(preview.file, membership(db())?.k ?? null) };
      }),
    'handover.saveExport': async ({ exportId, unsealed }) => {
      const periodTo = previewedTo;
      if (periodTo === null) throw new AppError('NOT_FOUND');
      const saved = await exports.save(db, exportId, unsealed);
      recordLeavingExport(db(), exportId, periodTo, today());
      previewedTo = null;
      return saved;
    },
    'handover.send': async (request) => {
      const prepared = await prepareHandover(db(), request, today());
      // Like a sealed export, its name says nothing of whose cases or how many.
      const saved = await saveWhereChosen(shell, `confidant-handover-${randomBytes(3).toString('hex')}.age`, prepared.sealed);
      recordSent(db(), prepared, today());
      return saved;
    },
    'handover.readPackage': ({ content }) => readPackage(db(), content),
    'handover.receive': ({ content, signerFingerprint }) => receiveHandover(db(), content, signerFingerprint, today(), clock),
    'handover.saveConfirmation': ({ packageId }) => saveWhereChosen(shell, 'confidant-handover-confirmation.json', confirmationText(db(), packageId)),
    'handover.confirm': ({ content }) =>
      events.withProgress('retention', (report) => {
        const outcome = confirmHandover(db(), content, today(), clock, report);
        records.save();
        return outcome;
      }),
  } satisfies Pick<Handlers, HandoverChannel>;
}
