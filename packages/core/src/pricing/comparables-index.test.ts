import { describe, expect, it } from 'vitest';
import { type Listing, type ListingInput, ListingSchema } from '../listing/listing';
import { comparableQueryOf, createComparablesIndex } from './comparables-index';

const now = Date.parse('2026-01-10T00:00:00Z');

function listing(externalId: string, overrides: Partial<ListingInput> = {}): Listing {
  return ListingSchema.parse({
    id: `ebay:${externalId}`,
    marketplace: 'ebay',
    externalId,
    title: 'Apple iPhone 13 Pro 128GB Graphite',
    price: { amount: 50_000, currency: 'USD' },
    category: 'cell-phones',
    condition: 'good',
    postedAt: '2026-01-05T00:00:00Z',
    ...overrides,
  });
}

const query = (subject: Listing, limit = 10) => comparableQueryOf(subject, { nowMs: now, limit });

describe('createComparablesIndex', () => {
  it('ranks by title similarity (BM25 weighs the rare model term above shared brand words)', () => {
    const index = createComparablesIndex();
    index.upsert(listing('a', { title: 'Apple iPhone 13 Pro 256GB Blue' }));
    index.upsert(listing('b', { title: 'Apple iPhone 12 case' }));
    index.upsert(listing('c', { title: 'Apple iPad Air Apple Pencil Apple case' }));
    const subject = listing('s');
    const ids = index.query(query(subject)).map((match) => match.listingId);
    expect(ids[0]).toBe('ebay:a');
    expect(ids).not.toContain('ebay:s');
    expect(ids.indexOf('ebay:b')).toBeLessThan(ids.indexOf('ebay:c'));
  });

  it('keeps related categories, drops unrelated ones and conditions more than two steps away', () => {
    const index = createComparablesIndex();
    index.upsert(listing('same'));
    index.upsert(listing('parent', { category: 'electronics' }));
    index.upsert(listing('unrelated', { category: 'home' }));
    index.upsert(listing('like-new', { condition: 'like_new' }));
    index.upsert(listing('for-parts', { condition: 'for_parts' }));
    const matches = index.query(query(listing('s')));
    const ids = matches.map((match) => match.listingId);
    expect(ids).toEqual(expect.arrayContaining(['ebay:same', 'ebay:parent', 'ebay:like-new']));
    expect(ids).not.toContain('ebay:unrelated');
    expect(ids).not.toContain('ebay:for-parts');
    const similarity = (id: string) => matches.find((match) => match.listingId === id)?.similarity ?? 0;
    expect(similarity('ebay:same')).toBeGreaterThan(similarity('ebay:parent'));
  });

  it('prefers sold prices and recent listings through the weights', () => {
    const index = createComparablesIndex();
    index.upsert(listing('asking'));
    index.upsert(listing('sold', { status: 'sold', soldPrice: { amount: 45_000, currency: 'USD' } }));
    index.upsert(listing('old', { postedAt: '2025-10-01T00:00:00Z' }));
    const matches = index.query(query(listing('s')));
    const weight = (id: string) => matches.find((match) => match.listingId === id)?.weight ?? 0;
    expect(weight('ebay:sold')).toBeGreaterThan(weight('ebay:asking'));
    expect(weight('ebay:asking')).toBeGreaterThan(weight('ebay:old'));
    const sold = matches.find((match) => match.listingId === 'ebay:sold');
    expect(sold).toMatchObject({ sold: true, amount: 45_000 });
  });

  it('applies updates and removals, and never mixes currencies or $0 prices', () => {
    const index = createComparablesIndex();
    index.upsert(listing('a'));
    index.upsert(listing('euro', { price: { amount: 40_000, currency: 'EUR' } }));
    index.upsert(listing('free', { price: { amount: 0, currency: 'USD' } }));
    expect(index.size).toBe(2);
    index.upsert(listing('a', { title: 'Vintage oak dresser', category: 'furniture' }));
    expect(index.query(query(listing('s'))).map((match) => match.listingId)).toEqual([]);
    index.upsert(listing('a', { price: { amount: 61_000, currency: 'USD' } }));
    expect(index.query(query(listing('s')))[0]).toMatchObject({ listingId: 'ebay:a', amount: 61_000 });
    index.remove('ebay:a');
    expect(index.query(query(listing('s')))).toEqual([]);
    expect(index.size).toBe(1);
  });

  it('returns the same best matches from the postings as from a full scan', () => {
    const index = createComparablesIndex({ candidateTarget: 5, maxPostingsPerTerm: 1000 });
    const titles = [
      'Apple iPhone 13 Pro',
      'iPhone 13 mini',
      'Samsung Galaxy S21',
      'Pixel 6 Pro',
      'Apple iPhone 11',
    ];
    titles.forEach((title, i) => {
      for (let copy = 0; copy < 20; copy++)
        index.upsert(listing(`${i}-${copy}`, { title: `${title} ${copy}` }));
    });
    const subject = listing('s', { title: 'Apple iPhone 13 Pro Max' });
    // Copies tie, so compare the kept scores (and which titles they belong to), not the tie order.
    const summary = (matches: ReturnType<typeof index.query>) =>
      matches.map((match) => `${match.listingId.split('-')[0]}@${match.weight.toFixed(6)}`);
    // With a tiny candidate budget only the rarest term's listings are scored: the best ones agree.
    const fromPostings = index.query(query(subject, 20));
    const fromScan = index.query({ ...query(subject, 20), fullScan: true });
    expect(summary(fromPostings)).toEqual(summary(fromScan));
    expect(new Set(fromPostings.map((match) => match.listingId.split('-')[0]))).toEqual(new Set(['ebay:0']));
    // With the default budget every listing sharing a term is a candidate on a store this small.
    const roomy = createComparablesIndex();
    titles.forEach((title, i) => {
      for (let copy = 0; copy < 20; copy++)
        roomy.upsert(listing(`${i}-${copy}`, { title: `${title} ${copy}` }));
    });
    expect(summary(roomy.query(query(subject, 80)))).toEqual(
      summary(roomy.query({ ...query(subject, 80), fullScan: true })),
    );
  });
});
