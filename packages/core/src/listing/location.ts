import { z } from 'zod';

/**
 * Where an item is (or where a user searches from). Coordinates are WGS 84 degrees; a location
 * without `lat`/`lon` never matches a radius search.
 */
export const LocationSchema = z
  .object({
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    postalCode: z.string().trim().min(1).max(16).optional(),
    city: z.string().trim().min(1).max(120).optional(),
    region: z.string().trim().min(1).max(120).optional(),
    /** ISO 3166-1 alpha-2, upper case (`US`). */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
      .optional(),
  })
  .refine((value) => (value.lat === undefined) === (value.lon === undefined), {
    message: 'lat and lon must be given together',
    path: ['lat'],
  });

export type Location = z.infer<typeof LocationSchema>;

/** A location that certainly has coordinates. */
export type GeoPoint = { lat: number; lon: number };

/** True when the location carries coordinates. */
export function hasCoordinates(location: Location | null | undefined): location is Location & GeoPoint {
  return location?.lat !== undefined && location.lon !== undefined;
}

const earthRadiusKm = 6371.0088;
const kmPerMile = 1.609344;

/**
 * Great-circle distance between two points by the haversine formula, on a spherical Earth of mean
 * radius 6371.0088 km (error under 0.5% against the ellipsoid).
 */
export function haversineDistance(a: GeoPoint, b: GeoPoint, unit: 'mi' | 'km' = 'mi'): number {
  const toRadians = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRadians;
  const dLon = (b.lon - a.lon) * toRadians;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * toRadians) * Math.cos(b.lat * toRadians) * Math.sin(dLon / 2) ** 2;
  const km = 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
  return unit === 'km' ? km : km / kmPerMile;
}

/** Miles to kilometres. */
export function milesToKm(miles: number): number {
  return miles * kmPerMile;
}
