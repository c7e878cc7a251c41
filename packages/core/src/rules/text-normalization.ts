/**
 * How keyword matching sees text: the one place that decides what counts as "the same word".
 * Rule keywords and listing titles go through exactly these functions, so a word matches when
 * both sides fold to the same token. The rules are written down in `docs/rule-semantics.md`.
 */

const combiningMarks = /\p{M}+/gu;
const apostrophes = /['’ʼ`´]/g;
const wordSeparators = /[^\p{L}\p{N}]+/u;

/**
 * Plural-looking words whose trailing `s` is not a plural (`news` is not several `new`), kept
 * as they are so they do not collide with another word.
 */
const keptAsIs = new Set([
  'news',
  'series',
  'species',
  'chassis',
  'lens',
  'gas',
  'yes',
  'this',
  'his',
  'its',
  'was',
  'has',
  'plus',
  'always',
  'perhaps',
  'physics',
]);

/**
 * Lower-cases text and removes accents: Unicode compatibility decomposition (NFKD) splits `é`
 * into `e` + a combining mark and `ﬁ` into `fi`; the marks are then dropped.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(combiningMarks, '').toLowerCase();
}

/**
 * Folds a normalised word to its singular form with a few regular-plural rules, applied in
 * order (words shorter than 3 letters are kept):
 * 1. listed exceptions (`news`, `series`, `lens`, `gas` …) are kept;
 * 2. a word ending in `ss`, `us` or `is` is kept (`glass`, `bus`, `tennis`);
 * 3. `…ies` (5+ letters) becomes `…y` (`batteries` → `battery`);
 * 4. `…ie` (4+ letters) becomes `…y` too, so `movie` and `movies` meet at `movy`;
 * 5. `…ches`, `…shes`, `…xes`, `…sses` drop `es` (`watches` → `watch`, `boxes` → `box`);
 * 6. any other trailing `s` is dropped (`chairs` → `chair`, `tvs` → `tv`, `1990s` → `1990`).
 * The result is a matching key, not always an English word.
 */
export function foldPlural(word: string): string {
  if (word.length < 3) return word;
  if (word.endsWith('ie')) return word.length >= 4 ? `${word.slice(0, -2)}y` : word;
  if (!word.endsWith('s') || keptAsIs.has(word)) return word;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('ies') && word.length >= 5) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/**
 * Splits text into matching tokens: normalised, apostrophes removed (`men's` → `mens`), split on
 * anything that is not a letter or a digit (`f-150` → `f`, `150`), each folded by
 * {@link foldPlural}. Returns an empty array for text without letters or digits.
 */
export function tokenize(text: string): string[] {
  const parts = normalizeText(text).replace(apostrophes, '').split(wordSeparators);
  const tokens: string[] = [];
  for (const part of parts) if (part) tokens.push(foldPlural(part));
  return tokens;
}
