import type { Channel } from '../../../shared/contract';
import type { Handlers } from './router';

type ChannelsOf<Parts extends readonly object[]> = { [I in keyof Parts]: keyof Parts[I] }[number];

/** Channels that two parts both handle: with a plain spread the later one would silently win. */
type HandledTwice<Parts extends readonly object[]> = {
  [I in keyof Parts]: { [J in keyof Parts]: J extends I ? never : Extract<keyof Parts[I], keyof Parts[J]> }[number];
}[number];

type Unhandled<Parts extends readonly object[]> = Exclude<Channel, ChannelsOf<Parts>>;

/** Resolves to the parts themselves only when every channel has exactly one handler; otherwise to the reason. */
export type EveryChannelOnce<Parts extends readonly object[]> = [HandledTwice<Parts>] extends [never]
  ? [Unhandled<Parts>] extends [never]
    ? Parts
    : { channelsWithoutHandler: Unhandled<Parts> }
  : { channelsHandledTwice: HandledTwice<Parts> };

/**
 * The domains' handler sets joined into the router's one table. It compiles only when the sets
 * are disjoint and together cover every channel of the contract.
 */
export function assembleHandlers<const Parts extends readonly Partial<Handlers>[]>(...parts: Parts & EveryChannelOnce<Parts>): Handlers {
  return Object.assign({}, ...parts) as Handlers;
}
