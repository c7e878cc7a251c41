import { localParts, minutesOf, nextWallTime } from '../time/zoned-time';

/** The two digest frequencies. */
export type DigestFrequency = 'daily_digest' | 'weekly_digest';

/** One digest delivery: which period an item belongs to and when that digest is due. */
export type DigestPeriod = {
  /** `daily:2026-03-09` or `weekly:2026-03-09` (the local date of delivery). */
  readonly key: string;
  readonly frequency: DigestFrequency;
  /** When the digest goes out: the user's local digest time (09:00), Mondays for weekly. */
  readonly dueAt: Date;
  /** `daily digest` / `weekly digest`, for templates. */
  readonly label: string;
};

/** Local time digests go out, per the roadmap's schedule. */
export const defaultDigestTime = '09:00';

/**
 * The digest an item collected at `at` belongs to: the next local `digestTime` strictly after
 * `at` (daily) or the next Monday at `digestTime` (weekly), in the user's IANA time zone. The
 * due instant is computed on the local calendar, so it stays at 09:00 local across DST changes.
 */
export function digestPeriodFor(
  at: Date,
  frequency: DigestFrequency,
  timeZone: string,
  digestTime = defaultDigestTime,
): DigestPeriod {
  const minute = minutesOf(digestTime);
  const dueAt =
    frequency === 'daily_digest'
      ? nextWallTime(at, minute, timeZone)
      : nextWallTime(at, minute, timeZone, { weekday: 1 });
  const prefix = frequency === 'daily_digest' ? 'daily' : 'weekly';
  return {
    key: `${prefix}:${localParts(dueAt, timeZone).date}`,
    frequency,
    dueAt,
    label: frequency === 'daily_digest' ? 'daily digest' : 'weekly digest',
  };
}
