import { ListingParseError, ListingSchema } from '@deal-scout/core';
import { describe, expect, it } from 'vitest';
import { poshmarkJson } from '../../test/fixtures';
import { convertPoshmarkListing } from './convert-poshmark-listing';

describe('convertPoshmarkListing', () => {
  it('normalises Poshmark listing JSON with its fashion metadata', () => {
    expect(ListingSchema.parse(convertPoshmarkListing(poshmarkJson))).toMatchObject({
      id: 'poshmark:5c4f1b2a9fe4862bd5b1c0de',
      url: 'https://poshmark.com/listing/5c4f1b2a9fe4862bd5b1c0de',
      price: { amount: 3_800, currency: 'USD' },
      brand: 'Madewell',
      size: '27',
      condition: 'good',
      category: 'womens-clothing',
      marketplaceCategory: 'Women > Jeans',
      images: [
        'https://di2ponv0v5otw.cloudfront.net/posts/cover.jpg',
        'https://di2ponv0v5otw.cloudfront.net/posts/p2.jpg',
      ],
      attributes: { colors: 'Blue', department: 'Women', originalPriceMinor: 12_800, likes: 14, shares: 220 },
      seller: { id: '58aa11', name: 'closetofada' },
      postedAt: '2019-01-28T17:17:14.000Z',
      status: 'active',
    });
  });

  it('maps sold-out inventory to sold and NWT to new', () => {
    const listing = convertPoshmarkListing({
      ...poshmarkJson,
      condition: 'nwt',
      inventory: { status: 'sold_out' },
    });
    expect(listing.status).toBe('sold');
    expect(listing.condition).toBe('new');
  });

  it.each([
    ['a missing price', { ...poshmarkJson, price_amount: undefined }, 'price_amount'],
    [
      'a non-numeric price',
      { ...poshmarkJson, price_amount: { val: 'forty', currency_code: 'USD' } },
      'price_amount.val',
    ],
    ['a bad id', { ...poshmarkJson, id: '../etc' }, 'id'],
    ['no created_at', { ...poshmarkJson, created_at: undefined }, 'created_at'],
    [
      'a cover shot that is not a URL',
      { ...poshmarkJson, cover_shot: { url: 'cover.jpg' } },
      'cover_shot.url',
    ],
  ])('throws ListingParseError for %s', (_label, json, field) => {
    try {
      convertPoshmarkListing(json);
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ListingParseError);
      expect((error as ListingParseError).issues.map((issue) => issue.field)).toContain(field);
    }
  });
});
