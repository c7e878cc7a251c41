import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ListingParseError } from '../errors/listing-parse-error';
import type { ListingInput } from './listing';
import { ListingSchema } from './listing';
import {
  checkListingCandidate,
  listingImages,
  listingLocation,
  listingMoney,
  maxListingImages,
  parseListingJson,
  splitPlaceName,
} from './normalise-listing-fields';

const context = { subject: 'Swapmeet listing', source: 'swapmeet' };

function parseError(run: () => unknown): ListingParseError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ListingParseError);
    return error as ListingParseError;
  }
  throw new Error('expected a ListingParseError');
}

describe('parseListingJson', () => {
  const schema = z.object({ id: z.string(), price: z.number().nonnegative() });

  it('returns the parsed JSON', () => {
    expect(parseListingJson(schema, { id: 'a1', price: 5 }, context)).toEqual({ id: 'a1', price: 5 });
  });

  it('names every bad field in a ListingParseError from the source', () => {
    const error = parseError(() => parseListingJson(schema, { price: -1 }, context));
    expect(error.source).toBe('swapmeet');
    expect(error.code).toBe('LISTING_PARSE_FAILED');
    expect(error.message).toContain('Swapmeet listing JSON is malformed');
    expect(error.issues.map((issue) => issue.field)).toEqual(['id', 'price']);
  });
});

describe('checkListingCandidate', () => {
  const candidate: ListingInput = {
    id: 'swapmeet:a1',
    marketplace: 'swapmeet',
    externalId: 'a1',
    title: 'Lamp',
    price: { amount: 4500, currency: 'USD' },
    postedAt: '2026-01-05T09:00:00.000Z',
  };

  it('returns a valid candidate as it is', () => {
    expect(checkListingCandidate(candidate, context)).toBe(candidate);
  });

  it('refuses a candidate ListingSchema rejects, naming the field', () => {
    const error = parseError(() => checkListingCandidate({ ...candidate, title: '  ' }, context));
    expect(error.message).toContain('Swapmeet listing does not make a valid listing');
    expect(error.issues.map((issue) => issue.field)).toEqual(['title']);
  });
});

describe('listingMoney', () => {
  it('converts major units to minor units of the upper-cased currency', () => {
    expect(listingMoney(125.5, 'usd', { ...context, field: 'price' })).toEqual({
      amount: 12550,
      currency: 'USD',
    });
    expect(listingMoney(1200, 'JPY', { ...context, field: 'price' })).toEqual({
      amount: 1200,
      currency: 'JPY',
    });
  });

  it('throws a ListingParseError naming the field for an amount that cannot be money', () => {
    const tooLarge = parseError(() => listingMoney(1e20, 'USD', { ...context, field: 'price_amount' }));
    expect(tooLarge.message).toContain('Swapmeet listing has an amount that is not valid money');
    expect(tooLarge.issues).toEqual([
      { field: 'price_amount', message: '100000000000000000000 USD is not a valid amount of money' },
    ]);
    const unknown = parseError(() => listingMoney(5, 'XX', { ...context, field: 'price' }));
    expect(unknown.issues[0]?.field).toBe('price');
  });
});

describe('listingImages', () => {
  it('drops missing entries and repeats, keeping the first of each in order', () => {
    expect(
      listingImages([
        'https://a.example/1.jpg',
        undefined,
        'https://a.example/2.jpg',
        null,
        'https://a.example/1.jpg',
      ]),
    ).toEqual(['https://a.example/1.jpg', 'https://a.example/2.jpg']);
  });

  it('keeps at most as many images as ListingSchema allows', () => {
    const urls = Array.from({ length: 60 }, (_, index) => `https://a.example/${index}.jpg`);
    const images = listingImages(urls);
    expect(images).toHaveLength(maxListingImages);
    expect(images.at(-1)).toBe(`https://a.example/${maxListingImages - 1}.jpg`);
    const base = {
      id: 'x:1',
      marketplace: 'x',
      externalId: '1',
      title: 'Lamp',
      price: { amount: 1, currency: 'USD' },
      postedAt: '2026-01-05T09:00:00.000Z',
    };
    expect(ListingSchema.safeParse({ ...base, images }).success).toBe(true);
    expect(ListingSchema.safeParse({ ...base, images: urls.slice(0, maxListingImages + 1) }).success).toBe(
      false,
    );
  });
});

describe('splitPlaceName', () => {
  it.each([
    ['Providence, RI', { city: 'Providence', region: 'RI' }],
    ['  Cranston ,  RI , USA', { city: 'Cranston', region: 'RI' }],
    ['Warwick', { city: 'Warwick' }],
    [', RI', { region: 'RI' }],
    ['', {}],
    [null, {}],
    [undefined, {}],
  ] as const)('%j → %j', (name, expected) => {
    expect(splitPlaceName(name)).toEqual(expected);
  });
});

describe('listingLocation', () => {
  it('keeps the parts given, and coordinates only in pairs', () => {
    expect(
      listingLocation({ city: 'Providence', region: 'RI', lat: 41.8, lon: -71.4, country: 'US' }),
    ).toEqual({
      city: 'Providence',
      region: 'RI',
      lat: 41.8,
      lon: -71.4,
      country: 'US',
    });
    expect(listingLocation({ city: 'Providence', lat: 41.8, lon: null })).toEqual({ city: 'Providence' });
    expect(listingLocation({ lat: 0, lon: 0 })).toEqual({ lat: 0, lon: 0 });
    expect(listingLocation({ region: 'RI', city: '' })).toEqual({ region: 'RI' });
  });

  it('is undefined without a city, region or coordinates, whatever the country', () => {
    expect(listingLocation({})).toBeUndefined();
    expect(listingLocation({ city: '', region: null, lat: 41.8, country: 'US' })).toBeUndefined();
  });
});
