const combiningMarks = /\p{M}+/gu;
const apostrophes = /['’ʼ`´]/g;
const separators = /[^\p{L}\p{N}]+/u;

/** Folds case and accents: `Crème Brûlée` → `creme brulee` (NFKD, marks dropped, lower case). */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(combiningMarks, '').toLowerCase();
}

/**
 * Splits text into folded word tokens: letters and digits, with apostrophes removed so `men's`
 * is `mens`. Everything else separates words.
 */
export function tokenize(text: string): string[] {
  return foldText(text)
    .replace(apostrophes, '')
    .split(separators)
    .filter((token) => token.length > 0);
}

/** A token's span in the original text, for highlighting. */
export type TokenSpan = { readonly token: string; readonly start: number; readonly end: number };

/** Tokens of `text` with their positions in the original (unfolded) string. */
export function tokenSpans(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}'’ʼ`´]+/gu)) {
    const token = foldText(match[0]).replace(apostrophes, '');
    if (token) spans.push({ token, start: match.index, end: match.index + match[0].length });
  }
  return spans;
}
