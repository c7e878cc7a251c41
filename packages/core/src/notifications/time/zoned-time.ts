import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';

/** A wall-clock reading in a time zone. `weekday` is 0 (Sunday) to 6 (Saturday). */
export type LocalParts = {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly weekday: number;
  /** `yyyy-MM-dd`. */
  readonly date: string;
  /** Minutes since local midnight. */
  readonly minuteOfDay: number;
};

const pad = (value: number) => String(value).padStart(2, '0');

/** What a clock in `timeZone` (IANA) shows at `instant`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const local = new TZDate(instant.getTime(), timeZone);
  const year = local.getFullYear();
  const month = local.getMonth() + 1;
  const day = local.getDate();
  const hour = local.getHours();
  const minute = local.getMinutes();
  return {
    year,
    month,
    day,
    hour,
    minute,
    weekday: local.getDay(),
    date: `${year}-${pad(month)}-${pad(day)}`,
    minuteOfDay: hour * 60 + minute,
  };
}

/** Parses `HH:mm` into minutes since midnight. */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

/**
 * The instants at which a clock in `timeZone` reads `minuteOfDay` on the local date `date`
 * (`yyyy-MM-dd`): usually one, two when clocks fall back through that time, and — when clocks
 * spring forward over it — the instant the clock would read it had it not jumped (02:30 on a
 * 02:00→03:00 night is 03:30 local), so a time that does not exist is never skipped.
 */
function instantsAt(date: string, minuteOfDay: number, timeZone: string): Date[] {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const first = new TZDate(year, month - 1, day, Math.floor(minuteOfDay / 60), minuteOfDay % 60, timeZone);
  const instants = [new Date(first.getTime())];
  // The same wall time an hour later exists too when the clock fell back through it.
  const later = new Date(first.getTime() + 3_600_000);
  const laterParts = localParts(later, timeZone);
  if (laterParts.date === date && laterParts.minuteOfDay === minuteOfDay) instants.push(later);
  return instants;
}

/**
 * The first instant strictly after `after` at which a clock in `timeZone` reads `minuteOfDay`,
 * optionally only on a given weekday (0 = Sunday). Correct across DST changes: see `instantsAt`.
 */
export function nextWallTime(
  after: Date,
  minuteOfDay: number,
  timeZone: string,
  options: { readonly weekday?: number } = {},
): Date {
  const start = localParts(after, timeZone);
  const [year, month, day] = [start.year, start.month, start.day];
  // Walk local calendar days from yesterday (a time zone ahead of UTC can put the answer on the
  // previous local date for an instant near midnight) until a candidate lies after `after`.
  for (let offset = -1; offset <= 8; offset++) {
    const calendar = addDays(new Date(Date.UTC(year, month - 1, day)), offset);
    const date = calendar.toISOString().slice(0, 10);
    if (options.weekday !== undefined && calendar.getUTCDay() !== options.weekday) continue;
    for (const candidate of instantsAt(date, minuteOfDay, timeZone)) {
      if (candidate.getTime() > after.getTime()) return candidate;
    }
  }
  throw new RangeError(`no local time ${minuteOfDay} found after ${after.toISOString()} in ${timeZone}`);
}
