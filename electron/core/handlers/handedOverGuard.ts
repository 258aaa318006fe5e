import type { Channel } from '../../../shared/contract';
import { assertNoneHandedOver } from '../cases/handedOver';
import type { Handlers } from '../ipc/router';
import type { Db } from '../vault/database';

/** Every channel of the domains that hold or touch a case: each must say which cases it writes. */
type CaseDomainChannel = Extract<Channel, `${'cases' | 'conversations' | 'mediation' | 'followUps' | 'procedure' | 'access' | 'drafts' | 'retention' | 'handover'}.${string}`>;

type RequestTo<C extends Channel> = Parameters<Handlers[C]>[0];

/** The existing cases a request would write to; null where it writes to none (a read, a new case) or has its own rule. */
type CasesWritten<C extends Channel> = ((request: RequestTo<C>, db: Db) => (number | null | undefined)[]) | null;

const caseOfConversation = (db: Db, id: number) => db.prepare('SELECT case_id FROM conversations WHERE id = ?').pluck().get(id) as number | undefined;
const caseOfFollowUp = (db: Db, id: number) => db.prepare('SELECT case_id FROM follow_ups WHERE id = ?').pluck().get(id) as number | undefined;

/**
 * Typed over every channel of those domains, so a channel added there does not compile until it
 * says whether it writes to a case. An id that names nothing is left to the handler's NOT_FOUND.
 */
const CASES_WRITTEN: { [C in CaseDomainChannel]: CasesWritten<C> } = {
  'cases.list': null,
  'cases.years': null,
  'cases.get': null,
  'cases.comparable': null,
  'cases.create': null,
  'cases.createIncomplete': null,
  'cases.capture': null,
  'cases.update': ({ id }) => [id],
  'cases.updateIncomplete': ({ id }) => [id],
  'cases.leaveOutOfStatistics': ({ id }) => [id],
  'cases.delete': ({ id }) => [id],
  'conversations.add': ({ caseId }) => [caseId],
  'conversations.update': ({ id }, db) => [caseOfConversation(db, id)],
  'conversations.delete': ({ id }, db) => [caseOfConversation(db, id)],
  'mediation.save': ({ caseId }) => [caseId],
  'mediation.delete': ({ caseId }) => [caseId],
  'followUps.ofCase': null,
  'followUps.due': null,
  'followUps.add': ({ caseId }) => [caseId],
  'followUps.complete': ({ id }, db) => [caseOfFollowUp(db, id)],
  'followUps.move': ({ id }, db) => [caseOfFollowUp(db, id)],
  'followUps.remove': ({ id }, db) => [caseOfFollowUp(db, id)],
  'followUps.completeOpenOfCase': ({ caseId }) => [caseId],
  'procedure.get': null,
  'procedure.mark': ({ caseId }) => [caseId],
  'procedure.complete': ({ id }, db) => [caseOfFollowUp(db, id)],
  'access.requests': null,
  'access.recordRequest': ({ caseId }) => [caseId],
  'access.dossierPreview': null,
  'access.saveDossier': ({ caseId }) => [caseId],
  'access.printedDossier': null,
  'access.erasurePreview': null,
  'access.erase': ({ caseId }) => [caseId],
  // A draft for such a case would go with it at the confirmation, unsaved and unseen.
  'drafts.save': ({ caseId }) => [caseId],
  'drafts.list': null,
  'drafts.discard': null,
  // The save it wraps is taken from the guarded table, so it is refused there, inside its transaction.
  'drafts.saveForm': null,
  'retention.due': null,
  'retention.staleBackups': null,
  'retention.deleteStaleBackups': null,
  // The case waits for its confirmation, which destroys it as retention does.
  'retention.destroy': ({ ids }) => ids,
  'handover.status': null,
  'handover.createReceivingKey': null,
  'handover.saveReceivingKey': null,
  'handover.readKey': null,
  'handover.addSuccessor': null,
  'handover.setConsent': ({ caseId }) => [caseId],
  'handover.previewExport': null,
  'handover.saveExport': null,
  // Refuses a case already in a package with HANDOVER_PENDING, the reason that fits there.
  'handover.send': null,
  'handover.readPackage': null,
  'handover.receive': null,
  'handover.saveConfirmation': null,
  // The one write that ends the wait: it destroys the cases.
  'handover.confirm': null,
};

/**
 * The handlers with every write to a case that awaits its successor's confirmation refused
 * (CASE_HANDED_OVER) before the handler runs, so nothing of the request is written.
 */
export function guardHandedOverCases(handlers: Handlers, db: () => Db): Handlers {
  const guarded: Record<string, unknown> = { ...handlers };
  for (const [channel, written] of Object.entries(CASES_WRITTEN) as [CaseDomainChannel, ((request: unknown, db: Db) => (number | null | undefined)[]) | null][]) {
    if (written === null) continue;
    const handler = handlers[channel] as (request: unknown) => unknown;
    guarded[channel] = (request: unknown) => {
      assertNoneHandedOver(db(), written(request, db()).filter((caseId) => caseId !== null && caseId !== undefined));
      return handler(request);
    };
  }
  return guarded as Handlers;
}
