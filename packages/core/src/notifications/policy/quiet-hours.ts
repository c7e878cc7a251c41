import type { NotificationPreferences } from '../notification-preferences';
import { localParts, minutesOf, nextWallTime } from '../time/zoned-time';

/** Whether a local minute-of-day lies in `[start, end)`, where `start > end` crosses midnight. */
export function isWithinQuietHours(minuteOfDay: number, quietHours: { start: string; end: string }): boolean {
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  return start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
}

/**
 * Rule: quiet hours defer, never drop. Returns when a notification due at `at` may be delivered:
 * `at` itself outside quiet hours (or for a critical notification), else the end of the quiet
 * period — the next instant the user's clock (IANA zone) reads `end`. Computed on the local
 * calendar, so a 22:00–07:00 window ends at 07:00 local on both sides of a DST change; an end
 * time that does not exist that night (02:30 when clocks jump 02:00→03:00) resolves to 03:30.
 */
export function quietHoursRelease(
  at: Date,
  preferences: Pick<NotificationPreferences, 'quietHours' | 'timeZone'>,
  critical = false,
): { readonly deliverAt: Date; readonly deferred: boolean } {
  const { quietHours, timeZone } = preferences;
  if (!quietHours || critical) return { deliverAt: at, deferred: false };
  if (!isWithinQuietHours(localParts(at, timeZone).minuteOfDay, quietHours))
    return { deliverAt: at, deferred: false };
  return { deliverAt: nextWallTime(at, minutesOf(quietHours.end), timeZone), deferred: true };
}
