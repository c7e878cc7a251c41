/**
 * Conversions of what the drivers return into domain values. node-postgres and PGlite differ
 * (`bigint` is a string in one and a number in the other; a host may install its own type
 * parsers), so every read goes through these instead of trusting one driver's defaults.
 */

/** A `timestamptz` (a `Date`, or text if the host changed the type parser) as ISO-8601 UTC. */
export function toIsoTimestamp(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') {
    // PostgreSQL's text form `2021-04-19 16:46:44.123+00` becomes `2021-04-19T16:46:44.123+00:00`.
    const iso = value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
    const date = new Date(iso);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  throw new TypeError(`expected a timestamp from the database, got ${typeof value}`);
}

/** A nullable `timestamptz` as ISO-8601 UTC, or `null`. */
export function toIsoTimestampOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : toIsoTimestamp(value);
}

/** A `bigint`/`integer` (string, number or bigint, depending on the driver) as a safe integer. */
export function toSafeInteger(value: unknown): number {
  const number = typeof value === 'number' ? value : Number(value);
  if (Number.isSafeInteger(number)) return number;
  throw new TypeError('expected a safe integer from the database');
}

/** A `jsonb` value (parsed by the driver, or text if the host changed the type parser). */
export function fromJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
