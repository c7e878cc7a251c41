import { z } from 'zod';

/** `2021-04-19T16:46:44.000Z`: UTC with milliseconds, what `Date#toISOString` writes (years 0–9999). */
const normalForm = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * An instant as an ISO-8601 string. Input may carry any offset; output is normalised to UTC with
 * milliseconds (`2021-04-19T16:46:44.000Z`), so timestamps compare correctly as strings and travel
 * through JSON, SQL and OpenAPI unchanged.
 */
export const TimestampSchema = z.iso
  .datetime({ offset: true })
  // A value already in the normal form is returned as it is: the format check above refuses
  // impossible dates (February 30, hour 24), so for it `toISOString` would give the same text.
  .transform((value) => (normalForm.test(value) ? value : new Date(value).toISOString()))
  .describe('ISO-8601 instant, normalised to UTC');

export type Timestamp = string;

/** The ISO timestamp of a `Date` (or now). */
export function toTimestamp(date: Date = new Date()): Timestamp {
  return date.toISOString();
}
