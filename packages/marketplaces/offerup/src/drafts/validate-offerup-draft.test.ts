import { type ListingDraft, ListingDraftSchema } from '@deal-scout/core';
import { describe, expect, it } from 'vitest';
import { createOfferUpMarketplace } from '../create-offerup-marketplace';

const base = (overrides: Record<string, unknown> = {}): ListingDraft =>
  ListingDraftSchema.parse({
    sku: 'grill-1',
    title: 'Weber Spirit gas grill',
    description: 'Three burners, cover included.',
    price: { amount: 18_000, currency: 'USD' },
    condition: 'good',
    category: 'home-garden',
    images: ['https://images.example.com/grill.jpg'],
    location: { lat: 41.78, lon: -71.44, postalCode: '02910', country: 'US' },
    localPickup: true,
    ...overrides,
  });

const fields = (draft: ListingDraft) =>
  createOfferUpMarketplace().validateDraft!(draft)
    .map((issue) => issue.field)
    .sort();

describe('OfferUp draft rules', () => {
  it('accepts a local listing that follows the rules', () => {
    expect(fields(base())).toEqual([]);
  });

  it('requires a location, in the US', () => {
    expect(fields(base({ location: undefined }))).toEqual(['location']);
    expect(fields(base({ location: { city: 'Providence' } }))).toEqual(['location']);
    expect(fields(base({ location: { postalCode: 'M5V 2T6', country: 'CA' } }))).toEqual([
      'location.country',
    ]);
  });

  it('refuses links, phone numbers and off-platform payment in the text', () => {
    const issues = createOfferUpMarketplace().validateDraft!(
      base({
        title: 'Grill — see www.mygrills.com',
        description: 'Call me at (401) 555-0199, Venmo only.',
      }),
    );
    expect(issues).toEqual([
      { field: 'title', message: 'OfferUp does not allow links in listings' },
      { field: 'description', message: 'OfferUp does not allow phone numbers in listings' },
      {
        field: 'description',
        message: 'OfferUp requires payment through OfferUp; remove other payment apps',
      },
    ]);
  });

  it('enforces the shipping limits: under $2,000, under 20 lb, no side over 18 in', () => {
    const shipped = base({
      price: { amount: 250_000, currency: 'USD' },
      shipping: { available: true },
      marketplaceOptions: { offerup: { weightLb: 22, packageIn: { length: 20, width: 10, height: 19 } } },
    });
    expect(fields(shipped)).toEqual([
      'marketplaceOptions.offerup.packageIn.height',
      'marketplaceOptions.offerup.packageIn.length',
      'marketplaceOptions.offerup.weightLb',
      'shipping',
    ]);
    expect(fields(base({ shipping: { available: true } }))).toEqual([
      'marketplaceOptions.offerup.packageIn',
      'marketplaceOptions.offerup.weightLb',
    ]);
  });

  it('applies photo and text limits, which hosts may tune', () => {
    const images = Array.from({ length: 13 }, (_, i) => `https://images.example.com/${i}.jpg`);
    expect(fields(base({ images, price: { amount: 100, currency: 'EUR' } }))).toEqual([
      'images',
      'price.currency',
    ]);
    expect(createOfferUpMarketplace({ limits: { maxPhotos: 20 } }).validateDraft!(base({ images }))).toEqual(
      [],
    );
  });

  it('rejects unknown marketplace options and a listing with neither pickup nor shipping', () => {
    expect(fields(base({ localPickup: false, marketplaceOptions: { offerup: { boost: true } } }))).toEqual([
      'localPickup',
      'marketplaceOptions.offerup',
    ]);
  });
});
