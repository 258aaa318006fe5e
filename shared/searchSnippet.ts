/**
 * A search hit's snippet travels as plain text with two marker characters around each matching
 * word. Both are control characters, which no text field accepts (ShortText, Note), so typed text
 * can never open or close a mark; the window turns them into <mark> elements, never into HTML.
 */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';
/** Where a snippet leaves text out, at either end or inside. */
export const SNIPPET_GAP = '…';
/** Longer than any snippet the core makes (twelve words of at most forty letters, short gaps). */
export const SNIPPET_MAX = 1_000;

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/** The snippet's text in order, each part marked or not; a marker without its partner marks nothing. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const pattern = new RegExp(`${MARK_START}([^${MARK_START}${MARK_END}]*)${MARK_END}|[^${MARK_START}${MARK_END}]+`, 'gu');
  for (const found of snippet.matchAll(pattern)) {
    const marked = found[1] !== undefined;
    const text = marked ? found[1]! : found[0];
    if (text) parts.push({ text, marked });
  }
  return parts;
}
