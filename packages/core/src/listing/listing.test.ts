import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error';
import { parseInput } from '../shared/parse-input';
import { ListingSchema } from './listing';
import { ListingDraftSchema } from './listing-draft';

const valid = {
  id: 'craigslist:7726876655',
  marketplace: 'craigslist',
  externalId: '7726876655',
  title: 'kitchenaid measuring cups & spoons plastic',
  price: { amount: 500, currency: 'USD' },
  postedAt: '2024-03-14T12:00:00-04:00',
};

function fieldOf(schema: Parameters<typeof parseInput>[0], value: unknown): string {
  try {
    parseInput(schema, value, { subject: 'listing' });
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).field;
  }
  throw new Error('expected a ValidationError');
}

describe('ListingSchema', () => {
  it('fills defaults and normalises timestamps to UTC', () => {
    const listing = ListingSchema.parse(valid);
    expect(listing.status).toBe('active');
    expect(listing.images).toEqual([]);
    expect(listing.attributes).toEqual({});
    expect(listing.localPickup).toBe(false);
    expect(listing.postedAt).toBe('2024-03-14T16:00:00.000Z');
  });

  it('names the offending field for bad input', () => {
    expect(fieldOf(ListingSchema, { ...valid, id: 'craigslist:1' })).toBe('id');
    expect(fieldOf(ListingSchema, { ...valid, title: '   ' })).toBe('title');
    expect(fieldOf(ListingSchema, { ...valid, price: { amount: 5.5, currency: 'USD' } })).toBe(
      'price.amount',
    );
    expect(fieldOf(ListingSchema, { ...valid, postedAt: 'yesterday' })).toBe('postedAt');
    expect(fieldOf(ListingSchema, { ...valid, category: 'gadgets' })).toBe('category');
    expect(fieldOf(ListingSchema, { ...valid, images: ['not a url'] })).toBe('images[0]');
    expect(fieldOf(ListingSchema, { ...valid, soldPrice: { amount: 1, currency: 'USD' } })).toBe('soldPrice');
    expect(fieldOf(ListingSchema, { ...valid, dealScore: 1.5 })).toBe('dealScore');
  });
});

describe('ListingDraftSchema', () => {
  const draft = {
    sku: 'LAMP-1',
    title: 'Mid-century lamp',
    description: 'Brass, works.',
    price: { amount: 4500, currency: 'USD' },
    condition: 'good',
    category: 'household',
    images: ['https://example.com/lamp.jpg'],
  };

  it('accepts a complete draft', () => {
    expect(ListingDraftSchema.parse(draft).quantity).toBe(1);
  });

  it('needs an image and a valid sku', () => {
    expect(fieldOf(ListingDraftSchema, { ...draft, images: [] })).toBe('images');
    expect(fieldOf(ListingDraftSchema, { ...draft, sku: 'has spaces' })).toBe('sku');
  });
});
