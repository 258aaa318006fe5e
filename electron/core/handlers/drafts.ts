import { contract, type FormSaveChannel } from '../../../shared/contract';
import { discardDraft, listDrafts, saveDraft } from '../drafts/drafts';
import type { Handlers } from '../ipc/router';
import { done, type CoreContext } from './context';

type DraftChannel = 'drafts.save' | 'drafts.list' | 'drafts.discard' | 'drafts.saveForm';

/**
 * `formSaves`: the handlers of the channels a form saves through, asked for when a save arrives
 * (they are assembled beside these).
 */
export function draftHandlers({ db, clock }: CoreContext, formSaves: () => Pick<Handlers, FormSaveChannel>) {
  return {
    'drafts.save': (draft) => {
      saveDraft(db(), draft, clock);
      return done;
    },
    'drafts.list': () => listDrafts(db()),
    'drafts.discard': ({ key }) => {
      discardDraft(db(), key);
      return done;
    },
    // One transaction: a crash leaves the record saved and its draft gone, or neither, so a saved
    // note never comes back as a draft to be saved twice.
    'drafts.saveForm': ({ draftKey, channel, request }) => {
      const save = formSaves()[channel] as (request: unknown) => unknown;
      return db().transaction(() => {
        const answer = save(request);
        // A save still running when the transaction ends would not be in it.
        if (answer instanceof Promise) throw new TypeError('a form save must answer at once');
        discardDraft(db(), draftKey);
        return contract[channel].response.parse(answer);
      })();
    },
  } satisfies Pick<Handlers, DraftChannel>;
}
