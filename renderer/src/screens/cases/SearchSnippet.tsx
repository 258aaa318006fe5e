import { snippetParts } from '../../../../shared/searchSnippet';

/**
 * A search hit's snippet: plain text, the matching words in <mark> elements (bold as well as
 * highlighted, so the meaning is not in the colour alone). Everything typed is rendered as text.
 */
export function SearchSnippet({ snippet }: { snippet: string }) {
  return (
    <span className="search-snippet">
      {snippetParts(snippet).map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : part.text))}
    </span>
  );
}

/** The snippet as one plain text, for a name read out in full. */
export function snippetText(snippet: string): string {
  return snippetParts(snippet)
    .map((part) => part.text)
    .join('');
}
