import type { StateRepositoryV1 } from '../../storage/v1/state-repository-v1';
import { updateState } from '../state-cas';
import { localParts } from '../time/zoned-time';

/** The state key counting a user's notifications on one local day. */
export function dailyCountKey(userId: string, localDate: string): string {
  return `notifications.daily-count:${userId}:${localDate}`;
}

/** The user's local calendar date (`yyyy-MM-dd`) of the day a notification is delivered on. */
export function capDay(deliverAt: Date, timeZone: string): string {
  return localParts(deliverAt, timeZone).date;
}

/**
 * Rule: the daily cap. Takes one of the user's `max` notifications for the local day, atomically
 * (compare-and-set on `storage.state`), so concurrent alerts never exceed it. Returns false when
 * the day is full; the caller folds the alert into the next digest. `force` (critical alerts)
 * always takes a slot, even past the cap. `max` null means no cap (nothing is counted).
 */
export async function reserveDailySlot(
  state: StateRepositoryV1,
  options: {
    readonly userId: string;
    readonly localDate: string;
    readonly max: number | null;
    readonly force?: boolean;
  },
): Promise<boolean> {
  if (options.max === null) return true;
  const max = options.max;
  const { changed } = await updateState<number>(
    state,
    dailyCountKey(options.userId, options.localDate),
    (count) => ((count ?? 0) < max || options.force ? (count ?? 0) + 1 : undefined),
  );
  return changed;
}

/** Gives back a slot taken for an alert that turned out to be a duplicate. */
export async function releaseDailySlot(
  state: StateRepositoryV1,
  options: { readonly userId: string; readonly localDate: string },
): Promise<void> {
  await updateState<number>(state, dailyCountKey(options.userId, options.localDate), (count) =>
    count && count > 0 ? count - 1 : undefined,
  );
}

/** How many notifications count against the user's cap on a local day. */
export async function dailyCount(
  state: StateRepositoryV1,
  userId: string,
  localDate: string,
): Promise<number> {
  const entry = await state.get(dailyCountKey(userId, localDate));
  return typeof entry?.value === 'number' ? entry.value : 0;
}
