import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCategoryId, ListingSchema } from '@deal-scout/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  craigslistCategoryMap,
  describeWithSharedData,
  formatMake,
  loadProvidenceDataset,
  loadProvidenceListings,
  loadVehicleDataset,
  loadVehicleListings,
  providenceDataPath,
  sharedDataAvailable,
  sharedDataDir,
  sharedDirEnvVar,
  titleCaseWords,
} from '../src';

describe('sharedDataDir', () => {
  const original = process.env[sharedDirEnvVar];
  afterEach(() => {
    if (original === undefined) delete process.env[sharedDirEnvVar];
    else process.env[sharedDirEnvVar] = original;
  });

  it('honours DEAL_SCOUT_SHARED_DIR and answers null when it has no data folder', () => {
    const empty = mkdtempSync(join(tmpdir(), 'deal-scout-shared-'));
    try {
      process.env[sharedDirEnvVar] = empty;
      expect(sharedDataDir()).toBeNull();
      expect(sharedDataAvailable()).toBe(false);
      process.env[sharedDirEnvVar] = join(empty, 'missing');
      expect(sharedDataDir()).toBeNull();
    } finally {
      rmSync(empty, { recursive: true });
    }
  });

  it('finds the shared folder beside the repository when the variable is unset', () => {
    delete process.env[sharedDirEnvVar];
    const dir = sharedDataDir();
    // A fresh clone has no ../shared; then there is nothing to find and null is the answer.
    if (dir === null) expect(sharedDataAvailable()).toBe(false);
    else expect(readFileSync(join(dir, providenceDataPath), 'utf8').startsWith('[')).toBe(true);
  });
});

describe('title casing', () => {
  it('keeps trim codes and brand spellings', () => {
    expect(formatMake('mercedes-benz')).toBe('Mercedes-Benz');
    expect(formatMake('gmc')).toBe('GMC');
    expect(formatMake('toyota')).toBe('Toyota');
    expect(titleCaseWords('rav4')).toBe('RAV4');
    expect(titleCaseWords('silverado 1500 lt')).toBe('Silverado 1500 LT');
    expect(titleCaseWords('f-150 xlt')).toBe('F-150 XLT');
    expect(titleCaseWords('transit connect')).toBe('Transit Connect');
  });
});

describeWithSharedData('loadProvidenceListings (real data)', () => {
  const raw = () =>
    JSON.parse(readFileSync(join(sharedDataDir()!, providenceDataPath), 'utf8')) as {
      link: string;
      title: string;
      price: number;
      category: string;
    }[];

  it('turns every unique link into a valid listing', async () => {
    const { listings, rejected } = await loadProvidenceDataset();
    expect(rejected).toEqual([]);
    expect(listings).toHaveLength(new Set(raw().map((item) => item.link)).size);
    expect(listings).toHaveLength(3140);
    for (const listing of listings.slice(0, 200)) expect(ListingSchema.parse(listing)).toEqual(listing);
    expect(new Set(listings.map((listing) => listing.id)).size).toBe(listings.length);
  });

  it('maps every section code in the data explicitly onto a canonical category', async () => {
    const codes = new Set(raw().map((item) => item.category));
    for (const code of codes) {
      expect(craigslistCategoryMap[code], `section code ${code}`).toBeDefined();
      expect(isCategoryId(craigslistCategoryMap[code]!)).toBe(true);
    }
    const listings = await loadProvidenceListings();
    const phones = listings.filter((listing) => listing.marketplaceCategory === 'mob');
    expect(phones.length).toBeGreaterThan(0);
    expect(phones.every((listing) => listing.category === 'cell-phones')).toBe(true);
  });

  it('keeps the last row of a reposted link, prices in cents, and dates in March 2024', async () => {
    const rows = raw();
    const seen = new Map<string, (typeof rows)[number]>();
    for (const row of rows) seen.set(row.link, row);
    const listings = await loadProvidenceListings();
    for (const listing of listings.slice(0, 500)) {
      const row = seen.get(listing.url!)!;
      expect(listing.title).toBe(row.title.trim());
      expect(listing.price).toEqual({ amount: Math.round(row.price * 100), currency: 'USD' });
      expect(listing.url!.endsWith(`/${listing.externalId}.html`)).toBe(true);
    }
    const days = new Set(listings.map((listing) => listing.postedAt));
    expect([...days].sort()).toEqual([
      '2024-03-11T12:00:00.000Z',
      '2024-03-12T12:00:00.000Z',
      '2024-03-13T12:00:00.000Z',
      '2024-03-14T12:00:00.000Z',
      '2024-03-16T12:00:00.000Z',
    ]);
    // The $99,999 placeholder is kept: anomaly detection needs it.
    expect(Math.max(...listings.map((listing) => listing.price.amount))).toBe(9_999_900);
    expect(
      listings.filter((listing) => typeof listing.attributes.mileage === 'number').length,
    ).toBeGreaterThan(150);
    expect(listings.find((listing) => listing.location)?.location).toMatchObject({
      region: 'RI',
      country: 'US',
    });
  });

  it('parses once per process and hands out frozen listings', async () => {
    expect(await loadProvidenceDataset()).toBe(await loadProvidenceDataset());
    const [first] = await loadProvidenceListings();
    expect(() => {
      (first as { title: string }).title = 'changed';
    }).toThrow(TypeError);
  });
});

describeWithSharedData('loadVehicleListings (real data)', () => {
  it('keeps all 8,000 rows, including $0 and absurd prices', async () => {
    const { listings, rejected } = await loadVehicleDataset();
    expect(rejected).toEqual([]);
    expect(listings).toHaveLength(8000);
    expect(listings.filter((listing) => listing.price.amount === 0)).toHaveLength(373);
    expect(Math.max(...listings.map((listing) => listing.price.amount))).toBe(12_345_678_900);
  });

  it('maps conditions, location and attributes', async () => {
    const listings = await loadVehicleListings();
    const count = (condition: string) => listings.filter((listing) => listing.condition === condition).length;
    expect(count('for_parts')).toBe(30);
    expect(count('like_new')).toBe(1073);
    expect(count('excellent')).toBe(3980);
    for (const listing of listings) {
      expect(listing.location?.region).toMatch(/^[A-Z]{2}$/);
      expect(listing.location?.lat).toBeTypeOf('number');
      expect(listing.category).toBe('cars-trucks');
      expect(listing.title.startsWith(String(listing.attributes.year))).toBe(true);
    }
    const gmc = listings.find((listing) => listing.externalId === '7309312148');
    expect(gmc).toMatchObject({
      title: '2005 GMC Sierra C 3500 Cube',
      brand: 'GMC',
      price: { amount: 1_259_500, currency: 'USD' },
      condition: 'good',
      postedAt: '2021-04-19T16:46:44.000Z',
      attributes: { year: 2005, odometer: 89_276, cylinders: 8, title_status: 'clean', type: 'truck' },
      location: { lat: 44.0455, lon: -91.668119, region: 'WI', country: 'US' },
    });
  });
});
