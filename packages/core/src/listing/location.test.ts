import { describe, expect, it } from 'vitest';
import { hasCoordinates, haversineDistance, LocationSchema } from './location';

describe('haversineDistance', () => {
  it('matches known great-circle distances', () => {
    const providence = { lat: 41.824, lon: -71.4128 };
    const boston = { lat: 42.3601, lon: -71.0589 };
    // ~41.4 mi / 66.7 km between the two city centres
    expect(haversineDistance(providence, boston, 'mi')).toBeCloseTo(41.4, 0);
    expect(haversineDistance(providence, boston, 'km')).toBeCloseTo(66.7, 0);
    const jfk = { lat: 40.6413, lon: -73.7781 };
    const lhr = { lat: 51.47, lon: -0.4543 };
    expect(haversineDistance(jfk, lhr, 'km')).toBeGreaterThan(5530);
    expect(haversineDistance(jfk, lhr, 'km')).toBeLessThan(5560);
  });

  it('is zero for the same point and symmetric', () => {
    const a = { lat: 10, lon: 20 };
    const b = { lat: -33.9, lon: 151.2 };
    expect(haversineDistance(a, a)).toBe(0);
    expect(haversineDistance(a, b)).toBeCloseTo(haversineDistance(b, a), 9);
  });
});

describe('LocationSchema', () => {
  it('needs lat and lon together and in range', () => {
    expect(LocationSchema.safeParse({ lat: 41 }).success).toBe(false);
    expect(LocationSchema.safeParse({ lat: 91, lon: 0 }).success).toBe(false);
    expect(LocationSchema.safeParse({ country: 'us' }).success).toBe(false);
    expect(LocationSchema.parse({ postalCode: '02903', country: 'US' })).toEqual({
      postalCode: '02903',
      country: 'US',
    });
  });

  it('tells whether a location has coordinates', () => {
    expect(hasCoordinates({ lat: 1, lon: 2 })).toBe(true);
    expect(hasCoordinates({ city: 'Providence' })).toBe(false);
    expect(hasCoordinates(null)).toBe(false);
  });
});
