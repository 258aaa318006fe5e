import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/contract';
import { assembleHandlers } from './assembleHandlers';
import type { Handlers } from './router';

/**
 * The checks that matter here are the compiler's: `npm test` type-checks this file, and each
 * `@ts-expect-error` below fails the type-check if the assembly ever accepts what it must refuse.
 */
const standIn = (() => ({})) as never;
const every = Object.fromEntries(CHANNELS.map((channel) => [channel, standIn])) as unknown as Handlers;
const { 'cases.list': listCases, ...everyButListCases } = every;

describe('assembling the domains’ handlers', () => {
  it('joins domains that together handle every channel once', () => {
    const handlers = assembleHandlers(everyButListCases, { 'cases.list': listCases });
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('does not compile when a channel has no handler', () => {
    // @ts-expect-error cases.list has no handler
    const handlers = assembleHandlers(everyButListCases);
    expect(Object.keys(handlers)).not.toContain('cases.list');
  });

  it('does not compile when a channel has two handlers', () => {
    // @ts-expect-error cases.list is handled by two domains; a spread would let the later one win silently
    const handlers = assembleHandlers(every, { 'cases.list': listCases });
    expect(handlers['cases.list']).toBe(listCases);
  });
});
