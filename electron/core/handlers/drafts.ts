import { saveDraft, takeDrafts } from '../drafts/drafts';
import type { Handlers } from '../ipc/router';
import { done, type CoreContext } from './context';

type DraftChannel = 'drafts.save' | 'drafts.take';

export function draftHandlers({ db, clock }: CoreContext) {
  return {
    'drafts.save': (draft) => {
      saveDraft(db(), draft, clock);
      return done;
    },
    'drafts.take': () => takeDrafts(db()),
  } satisfies Pick<Handlers, DraftChannel>;
}
