import type { Published } from '../../shared/schemas/teamReport';

/** A count the test expects to be published (or exact): fails loudly when it is hidden or absent. */
export function count(value: Published | null | undefined): number {
  if (typeof value !== 'number') throw new Error(`expected a published number, got ${String(value)}`);
  return value;
}
