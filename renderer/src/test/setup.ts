import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(cleanup);

// jsdom has no layout and so no media queries: the tests see the wide window the app is designed for first.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({ matches: true, media: query, onchange: null, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, dispatchEvent: () => false }) as MediaQueryList;
}

// jsdom has no modal dialogs: the open attribute stands in for showModal (the page behind turning inert is checked in Chromium).
if (!HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}

// jsdom has no layout, so nothing to scroll: where a field lands on screen is measured in Chromium.
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
// Nor do sizes change: an observer of them that never reports.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
