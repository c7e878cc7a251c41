import type { NotificationsDeps } from '../notifications-deps';
import { buildDigest } from './build-digest';
import { dueDigests } from './digest-index';

/** The job name of the digest sweep on the jobs contract. */
export const digestSweepJob = 'notifications.digest-sweep';

/**
 * One sweep: builds every listed digest whose local due time (09:00, Mondays for weekly) has
 * passed. Runs every 15 minutes by default, so a digest goes out within 15 minutes of 09:00 in
 * every time zone; overlapping sweeps are safe (see `buildDigest`). A failing digest is
 * reported and the sweep goes on with the others. Returns how many digests were enqueued.
 */
export async function runDigestSweep(deps: NotificationsDeps, signal?: AbortSignal): Promise<number> {
  const { context } = deps;
  let built = 0;
  for (const digest of await dueDigests(context.storage.state, context.now())) {
    if (signal?.aborted) break;
    try {
      const outcome = await buildDigest(deps, digest);
      if (outcome.status === 'enqueued') built++;
    } catch (error) {
      context.reportError(`notifications digest ${digest.period} for user ${digest.userId}`, error);
    }
  }
  return built;
}
