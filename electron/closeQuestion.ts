import type { BrowserWindow, Dialog } from 'electron';
import type { Language } from '../shared/contract';

const QUESTION = {
  nl: {
    message: 'U heeft iets ingevuld dat nog niet is opgeslagen.',
    detail: 'Bewaren als concept: het wordt versleuteld in uw kluis bewaard en staat klaar zodra u de kluis weer opent.',
    keep: 'Bewaren als concept en sluiten',
    discard: 'Niet bewaren en sluiten',
    stay: 'Blijven',
  },
  en: {
    message: 'You have entered something that is not saved yet.',
    detail: 'Keep as draft: it is kept encrypted in your vault and is waiting for you when you open the vault again.',
    keep: 'Keep as draft and close',
    discard: "Don't keep and close",
    stay: 'Stay',
  },
} as const;

const KEEP = 0;
const DISCARD = 1;
const STAY = 2;

/**
 * The window held its close back because a form is dirty (its `beforeunload`). The adviser
 * chooses: keep the work as an encrypted draft (the one lock path, in which the window saves its
 * drafts, then close), discard it and close, or stay.
 */
export function askBeforeClosingDirtyForms(window: BrowserWindow, dialog: Pick<Dialog, 'showMessageBoxSync'>, language: () => Language, lockKeepingDrafts: () => Promise<void>): void {
  let closingAfterLock = false;
  window.webContents.on('will-prevent-unload', (event) => {
    // Drafts are kept and the forms are gone: this close goes through.
    if (closingAfterLock) {
      event.preventDefault();
      return;
    }
    const text = QUESTION[language()];
    const answer = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: [text.keep, text.discard, text.stay],
      defaultId: KEEP,
      cancelId: STAY,
      noLink: true,
      message: text.message,
      detail: text.detail,
    });
    if (answer === DISCARD) event.preventDefault();
    if (answer !== KEEP) return;
    void lockKeepingDrafts().then(() => {
      closingAfterLock = true;
      if (!window.isDestroyed()) window.close();
    });
  });
}
