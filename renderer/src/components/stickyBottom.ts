import { useLayoutEffect, type RefObject } from 'react';

/**
 * A bar stuck to the bottom of the window (the case page's writing area) whose height follows its
 * content: while it is there the page's scroll padding below is its height (--sticky-bottom in
 * styles.css), so the focus, moved by Tab or a link, lands on a control the bar does not cover.
 */
export function useStickyBottom(bar: RefObject<HTMLElement | null>, sticky: boolean): void {
  useLayoutEffect(() => {
    const element = bar.current;
    if (!element || !sticky) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--sticky-bottom', `${element.offsetHeight}px`));
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--sticky-bottom');
    };
  }, [bar, sticky]);
}
