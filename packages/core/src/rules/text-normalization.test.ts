import { describe, expect, it } from 'vitest';
import { containsPhrase, listingTokens } from './listing-tokens';
import { foldPlural, normalizeText, tokenize } from './text-normalization';

describe('normalizeText', () => {
  it('lower-cases and strips accents and compatibility forms', () => {
    expect(normalizeText('Café NAÏVE Über ﬁsh')).toBe('cafe naive uber fish');
  });
});

describe('foldPlural', () => {
  it.each([
    ['chairs', 'chair'],
    ['tvs', 'tv'],
    ['1990s', '1990'],
    ['batteries', 'battery'],
    ['battery', 'battery'],
    ['movies', 'movy'],
    ['movie', 'movy'],
    ['watches', 'watch'],
    ['boxes', 'box'],
    ['glasses', 'glass'],
    ['glass', 'glass'],
    ['bus', 'bus'],
    ['tennis', 'tennis'],
    ['news', 'news'],
    ['series', 'series'],
    ['ties', 'tie'],
    ['tie', 'tie'],
    ['ps', 'ps'],
  ])('%s → %s', (word, folded) => {
    expect(foldPlural(word)).toBe(folded);
  });
});

describe('tokenize', () => {
  it('splits on punctuation, drops apostrophes and folds each word', () => {
    expect(tokenize("Men's F-150 Headlights, 2 boxes!")).toEqual([
      'men',
      'f',
      '150',
      'headlight',
      '2',
      'box',
    ]);
  });

  it('returns nothing for text without letters or digits', () => {
    expect(tokenize(' -- !! ')).toEqual([]);
  });
});

describe('listingTokens and containsPhrase', () => {
  it('matches a phrase only when its words are adjacent and in order', () => {
    const tokens = listingTokens({ title: 'Gaming PC with RTX 3060', brand: undefined });
    expect(containsPhrase(tokens, tokenize('gaming pcs'))).toBe(true);
    expect(containsPhrase(tokens, tokenize('pc gaming'))).toBe(false);
    expect(containsPhrase(tokens, tokenize('gaming rtx'))).toBe(false);
  });

  it('never matches a phrase across the title and the brand', () => {
    const tokens = listingTokens({ title: 'Desk lamp', brand: 'Ikea' });
    expect(containsPhrase(tokens, ['ikea'])).toBe(true);
    expect(containsPhrase(tokens, ['lamp', 'ikea'])).toBe(false);
  });
});
