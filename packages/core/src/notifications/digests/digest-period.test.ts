import { describe, expect, it } from 'vitest';
import { digestPeriodFor } from './digest-period';

const at = (iso: string) => new Date(iso);

describe('digest periods', () => {
  it('puts an item into the next 09:00 local digest', () => {
    // 08:00 EST → today 09:00 EST; 10:00 EST → tomorrow.
    const before = digestPeriodFor(at('2026-01-06T13:00:00Z'), 'daily_digest', 'America/New_York');
    expect(before).toMatchObject({ key: 'daily:2026-01-06', label: 'daily digest' });
    expect(before.dueAt.toISOString()).toBe('2026-01-06T14:00:00.000Z');
    const after = digestPeriodFor(at('2026-01-06T15:00:00Z'), 'daily_digest', 'America/New_York');
    expect(after.key).toBe('daily:2026-01-07');
    expect(after.dueAt.toISOString()).toBe('2026-01-07T14:00:00.000Z');
  });

  it('sends weekly digests on Monday 09:00 local', () => {
    // Tuesday Jan 6 → Monday Jan 12 09:00 in Tokyo (UTC+9) = 00:00Z.
    const weekly = digestPeriodFor(at('2026-01-06T03:00:00Z'), 'weekly_digest', 'Asia/Tokyo');
    expect(weekly.key).toBe('weekly:2026-01-12');
    expect(weekly.dueAt.toISOString()).toBe('2026-01-12T00:00:00.000Z');
    // Monday 08:59 local belongs to that same Monday's digest.
    const monday = digestPeriodFor(at('2026-01-11T23:59:00Z'), 'weekly_digest', 'Asia/Tokyo');
    expect(monday.dueAt.toISOString()).toBe('2026-01-12T00:00:00.000Z');
  });

  it('keeps 09:00 local across DST changes', () => {
    // Saturday Mar 7 evening EST → Sunday Mar 8 09:00 EDT (13:00Z, not 14:00Z).
    expect(
      digestPeriodFor(at('2026-03-08T02:00:00Z'), 'daily_digest', 'America/New_York').dueAt.toISOString(),
    ).toBe('2026-03-08T13:00:00.000Z');
    // Oct 31 evening EDT → Sunday Nov 1 09:00 EST (14:00Z).
    expect(
      digestPeriodFor(at('2026-11-01T01:00:00Z'), 'daily_digest', 'America/New_York').dueAt.toISOString(),
    ).toBe('2026-11-01T14:00:00.000Z');
    // Weekly across the spring change: Monday Mar 9 09:00 EDT.
    expect(
      digestPeriodFor(at('2026-03-04T12:00:00Z'), 'weekly_digest', 'America/New_York').dueAt.toISOString(),
    ).toBe('2026-03-09T13:00:00.000Z');
  });

  it('honours another digest time', () => {
    expect(
      digestPeriodFor(at('2026-01-06T00:00:00Z'), 'daily_digest', 'UTC', '18:30').dueAt.toISOString(),
    ).toBe('2026-01-06T18:30:00.000Z');
  });
});
