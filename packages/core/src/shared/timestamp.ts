import { z } from 'zod';

/**
 * An instant as an ISO-8601 string. Input may carry any offset; output is normalised to UTC with
 * milliseconds (`2021-04-19T16:46:44.000Z`), so timestamps compare correctly as strings and travel
 * through JSON, SQL and OpenAPI unchanged.
 */
export const TimestampSchema = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString())
  .describe('ISO-8601 instant, normalised to UTC');

export type Timestamp = string;

/** The ISO timestamp of a `Date` (or now). */
export function toTimestamp(date: Date = new Date()): Timestamp {
  return date.toISOString();
}
