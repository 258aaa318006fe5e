const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

export const isFocusable = (element: Element): element is HTMLElement => element.matches(FOCUSABLE);

export function firstFocusableIn(container: Element | null | undefined): HTMLElement | null {
  return container?.querySelector<HTMLElement>(FOCUSABLE) ?? null;
}

/** The page's heading, focusable by script only, as after a navigation. */
export function focusPageHeading(): void {
  const heading = document.querySelector('main')?.querySelector<HTMLElement>('h1');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}

const focusLost = () => document.activeElement === null || document.activeElement === document.body;

/**
 * Taken before something that may remove the focused element (Escape or Cancel closing a form, the
 * leave question closing): the returned function, called once that has happened, puts the focus
 * back near where it was if it fell to the document, which would leave a keyboard user nowhere.
 * Near means the first control in the closest part of the page that is still there (the list
 * item whose edit closed, with its Edit button) inside the page's main part, else the page's heading.
 */
export function keepFocusNear(element: Element | null = document.activeElement): () => void {
  const ancestors: Element[] = [];
  for (let current = element?.parentElement; current && current.tagName !== 'MAIN' && current !== document.body; current = current.parentElement) ancestors.push(current);
  return () => {
    if (!focusLost()) return;
    const near = firstFocusableIn(ancestors.find((ancestor) => ancestor.isConnected));
    if (near) near.focus();
    else focusPageHeading();
  };
}
