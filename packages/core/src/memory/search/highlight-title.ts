import { tokenSpans } from '../text/analyze-text';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);

/**
 * The title as one HTML-escaped fragment with every word that matched wrapped in `<mark>`, or
 * `null` when no word matched (the hit then matched on brand or description only).
 */
export function highlightTitle(title: string, matchedTerms: ReadonlySet<string>): string | null {
  let out = '';
  let position = 0;
  let marked = false;
  for (const span of tokenSpans(title)) {
    if (!matchedTerms.has(span.token)) continue;
    out += `${escapeHtml(title.slice(position, span.start))}<mark>${escapeHtml(title.slice(span.start, span.end))}</mark>`;
    position = span.end;
    marked = true;
  }
  return marked ? out + escapeHtml(title.slice(position)) : null;
}
