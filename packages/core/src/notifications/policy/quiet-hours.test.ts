import { describe, expect, it } from 'vitest';
import { isWithinQuietHours, quietHoursRelease } from './quiet-hours';

const ny = 'America/New_York';
const overnight = { start: '22:00', end: '07:00' };

function release(
  at: string,
  quietHours: { start: string; end: string } | null,
  timeZone = ny,
  critical = false,
) {
  const result = quietHoursRelease(new Date(at), { quietHours, timeZone }, critical);
  return { deliverAt: result.deliverAt.toISOString(), deferred: result.deferred };
}

describe('quiet hours', () => {
  it('treats a window whose start is after its end as crossing midnight', () => {
    expect(isWithinQuietHours(23 * 60, overnight)).toBe(true);
    expect(isWithinQuietHours(0, overnight)).toBe(true);
    expect(isWithinQuietHours(6 * 60 + 59, overnight)).toBe(true);
    expect(isWithinQuietHours(7 * 60, overnight)).toBe(false);
    expect(isWithinQuietHours(21 * 60 + 59, overnight)).toBe(false);
    expect(isWithinQuietHours(13 * 60, { start: '12:00', end: '14:00' })).toBe(true);
    expect(isWithinQuietHours(14 * 60, { start: '12:00', end: '14:00' })).toBe(false);
  });

  it('defers an alert before midnight and after midnight to 07:00 local the same morning', () => {
    // 23:00 EST on Jan 5 and 05:00 EST on Jan 6 both wait for 07:00 EST on Jan 6 (12:00Z).
    expect(release('2026-01-06T04:00:00Z', overnight)).toEqual({
      deliverAt: '2026-01-06T12:00:00.000Z',
      deferred: true,
    });
    expect(release('2026-01-06T10:00:00Z', overnight)).toEqual({
      deliverAt: '2026-01-06T12:00:00.000Z',
      deferred: true,
    });
  });

  it('sends at once outside quiet hours, at the exact end, and without quiet hours', () => {
    expect(release('2026-01-06T12:00:00Z', overnight)).toEqual({
      deliverAt: '2026-01-06T12:00:00.000Z',
      deferred: false,
    });
    expect(release('2026-01-06T02:59:00Z', overnight)).toEqual({
      deliverAt: '2026-01-06T02:59:00.000Z',
      deferred: false,
    });
    expect(release('2026-01-06T04:00:00Z', null).deferred).toBe(false);
  });

  it('lets a critical notification through quiet hours', () => {
    expect(release('2026-01-06T04:00:00Z', overnight, ny, true)).toEqual({
      deliverAt: '2026-01-06T04:00:00.000Z',
      deferred: false,
    });
  });

  it('ends at 07:00 local on the night clocks spring forward (March 8 2026, New York)', () => {
    // 23:00 EST on Mar 7; by 07:00 the zone is EDT (UTC-4), so the night is an hour shorter.
    expect(release('2026-03-08T04:00:00Z', overnight).deliverAt).toBe('2026-03-08T11:00:00.000Z');
  });

  it('ends at 07:00 local on the night clocks fall back (November 1 2026, New York)', () => {
    // 23:00 EDT on Oct 31; by 07:00 the zone is EST (UTC-5), so the night is an hour longer.
    expect(release('2026-11-01T03:00:00Z', overnight).deliverAt).toBe('2026-11-01T12:00:00.000Z');
  });

  it('resolves an end time that does not exist that night to the same offset past the jump', () => {
    // 02:30 does not exist on Mar 8 (02:00 EST → 03:00 EDT): quiet hours end at 03:30 EDT.
    expect(release('2026-03-08T05:00:00Z', { start: '23:00', end: '02:30' }).deliverAt).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('uses the first end after now when the end time happens twice (clocks fall back)', () => {
    const window = { start: '00:00', end: '01:30' };
    // 00:30 EDT: the first 01:30 (EDT) ends it.
    expect(release('2026-11-01T04:30:00Z', window).deliverAt).toBe('2026-11-01T05:30:00.000Z');
    // 01:15 EST, after the fall back: local time is again inside the window; it ends at 01:30 EST.
    expect(release('2026-11-01T06:15:00Z', window)).toEqual({
      deliverAt: '2026-11-01T06:30:00.000Z',
      deferred: true,
    });
  });

  it('follows the user zone, including half-hour offsets', () => {
    // 22:30 IST (UTC+5:30) on Jan 5 → 07:00 IST on Jan 6 = 01:30Z.
    expect(release('2026-01-05T17:00:00Z', overnight, 'Asia/Kolkata').deliverAt).toBe(
      '2026-01-06T01:30:00.000Z',
    );
  });
});
