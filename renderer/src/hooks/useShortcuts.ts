import { useEffect } from 'react';
import { leaveTo } from '../drafts/leaveGuard';
import { useNavigationStore } from '../stores/navigationStore';

/** Focuses the case search once the case list is on screen (after a navigation, a frame later). */
function focusSearch(attempts = 10): void {
  const field = document.getElementById('case-search');
  if (field) {
    field.focus();
    return;
  }
  if (attempts > 0) requestAnimationFrame(() => focusSearch(attempts - 1));
}

/** The case page's writing area, when a case is on screen. */
const composerNote = () => document.querySelector<HTMLTextAreaElement>('form.composer textarea');

/**
 * A new conversation: on a case page the caret goes to its writing area; anywhere else the
 * capture of a conversation with a new case opens (through the leave guard).
 */
function newConversation(): void {
  const note = useNavigationStore.getState().view.name === 'case' ? composerNote() : null;
  if (note) note.focus();
  else leaveTo({ name: 'capture' });
}

/**
 * Ctrl/Cmd+N opens a new case, Ctrl/Cmd+Shift+N a new conversation and Ctrl/Cmd+F the case search,
 * through the leave guard (which asks first when a form would be left dirty). Mounted only while
 * the vault is open. Ctrl/Cmd+L (lock) is the shell's menu item, so it works even where the page
 * has no focus.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (event.shiftKey) {
        if (key === 'n') {
          event.preventDefault();
          newConversation();
        }
        return;
      }
      if (key === 'n') {
        event.preventDefault();
        leaveTo({ name: 'newCase' });
      } else if (key === 'f') {
        event.preventDefault();
        if (useNavigationStore.getState().view.name !== 'cases') leaveTo({ name: 'cases' });
        focusSearch();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/**
 * After each navigation the page's heading takes the focus, so a screen reader announces where the
 * adviser is. A page that loads its record first draws its heading a few frames later, so the
 * heading is looked for until it is there (about a second at most).
 */
export function useFocusHeadingOnNavigation(): void {
  const view = useNavigationStore((state) => state.view);
  useEffect(() => {
    let frame = 0;
    let framesLeft = 60;
    const focusHeading = () => {
      // A form that focused its first field, an adviser who already clicked into the page, the
      // language switch and an open question keep the focus; only the menu's button gives it up.
      if (document.activeElement?.closest('main, header, [role="alertdialog"]')) return;
      const heading = document.querySelector('main')?.querySelector<HTMLElement>('h1');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      } else if (framesLeft-- > 0) frame = requestAnimationFrame(focusHeading);
    };
    frame = requestAnimationFrame(focusHeading);
    return () => cancelAnimationFrame(frame);
  }, [view]);
}
