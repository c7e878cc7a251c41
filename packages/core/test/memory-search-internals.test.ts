import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvertedIndex } from '../src/memory/search/inverted-index';
import { compareKeys, type SortDirection } from '../src/memory/storage/paging';
import { selectFirst } from '../src/memory/storage/select-first';
import { editDistance } from '../src/memory/text/edit-distance';

describe('selectFirst', () => {
  it('returns the same first items as a full sort (property)', () => {
    const direction: SortDirection = ['desc', 'asc'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.string({ maxLength: 3 })), { maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.string({ maxLength: 3 })), { nil: null }),
        (items, count, after) => {
          const compare = (a: readonly (string | number)[], b: readonly (string | number)[]) =>
            compareKeys(a, b, direction);
          const accept = after ? (key: readonly (string | number)[]) => compare(key, after) > 0 : null;
          const expected = items
            .filter((item) => !accept || accept(item))
            .sort(compare)
            .slice(0, count);
          const selected = selectFirst(items, (item) => item, compare, accept, count).map(({ key }) => key);
          expect(selected).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('typo candidates', () => {
  it('include every vocabulary word within edit distance 1 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-d]{1,6}$/), { minLength: 1, maxLength: 30 }),
        fc.stringMatching(/^[a-d]{1,7}$/),
        (words, token) => {
          const index = new InvertedIndex();
          index.add({
            id: 'm:1',
            marketplace: 'm',
            externalId: '1',
            title: words.join(' '),
            price: { amount: 1, currency: 'USD' },
            attributes: {},
            localPickup: false,
            images: [],
            status: 'active',
            postedAt: '2024-01-01T00:00:00.000Z',
          });
          const candidates = index.typoCandidates(token);
          for (const word of new Set(words)) {
            if (word.length >= 3 && token.length >= 3 && editDistance(token, word, 1) <= 1) {
              expect(candidates.has(word), `${token} ~ ${word}`).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('measures optimal string alignment distance', () => {
    expect(editDistance('honda', 'hnoda', 2)).toBe(1);
    expect(editDistance('acord', 'accord', 2)).toBe(1);
    expect(editDistance('toyta', 'toyota', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('abc', 'xyzabc', 1)).toBe(2);
  });
});
