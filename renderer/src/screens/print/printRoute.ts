import { DocumentRequest } from '../../../../shared/contract';

/**
 * The report document's route, `#/print?year=2022&k=5&grouped=1&lang=nl`: the shell loads it in a
 * window of its own (never the adviser's window) and prints it. Anything else is the app.
 */
export function printRequestFrom(hash: string): DocumentRequest | null {
  if (!hash.startsWith('#/print?')) return null;
  const query = new URLSearchParams(hash.slice('#/print?'.length));
  const parsed = DocumentRequest.safeParse({
    year: Number(query.get('year')),
    k: Number(query.get('k')),
    grouped: query.get('grouped') === '1',
    language: query.get('lang'),
    ioa: query.get('ioa') === '1',
  });
  return parsed.success ? parsed.data : null;
}
