import type { Listing } from '../listing/listing';
import type { RuntimeContext } from '../runtime/runtime-context';
import type { PageV1 } from '../storage/v1/page-v1';
import { createRuleIndex } from './rule-index';
import type { RuleMatcher } from './rule-matcher';
import type { ResolvedRulesSettings } from './rules-settings';

/** Name of the catch-up job on the jobs contract. */
export const checkDealAlertsJob = 'check-deal-alerts';
/** Where the last run's start time is kept in `storage.state`. */
export const checkDealAlertsCursorKey = 'rules.check-deal-alerts.last-run';

/** The catch-up check: registered on the jobs contract, also callable directly. */
export type CheckDealAlertsJob = {
  readonly name: string;
  /** Runs one check; returns how many new matches it recorded. */
  run(report?: (fraction: number, message: string) => void): Promise<number>;
};

const pageSize = 500;

async function forEachPage<T>(
  read: (cursor: string | null) => Promise<PageV1<T>>,
  visit: (items: T[]) => Promise<void>,
): Promise<void> {
  let cursor: string | null = null;
  do {
    const page = await read(cursor);
    await visit(page.items);
    cursor = page.nextCursor;
  } while (cursor);
}

/**
 * The periodic catch-up (`check-deal-alerts`, every 30 minutes by default). Real-time matching
 * handles listings as they arrive; this check covers what it cannot see:
 * 1. rules created, edited, paused or resumed since the last run (possibly by another process)
 *    are brought into this process's index;
 * 2. listings stored since the last run are matched against every enabled rule (anything real
 *    time missed: a failed reaction, a rule that only another process knew);
 * 3. the new and edited rules are matched against the listings of the recent window, so a new
 *    rule finds what is already there.
 * Pairs already recorded are skipped by storage, so overlapping with real time never duplicates
 * an alert. The run's start time is the next run's "since" (kept in `storage.state`).
 */
export function createCheckDealAlertsJob(
  context: RuntimeContext,
  matcher: RuleMatcher,
  settings: Pick<ResolvedRulesSettings, 'recentListingsWindowMs' | 'convert'>,
): CheckDealAlertsJob {
  const run: CheckDealAlertsJob['run'] = async (report = () => {}) => {
    await matcher.ready();
    const now = context.now();
    const windowStart = new Date(Date.parse(now) - settings.recentListingsWindowMs).toISOString();
    const cursor = await context.storage.state.get(checkDealAlertsCursorKey);
    const lastRun = (cursor?.value as { lastRunAt?: unknown } | undefined)?.lastRunAt;
    // The first run looks back over the recent window; later runs start where the last one did.
    const since = typeof lastRun === 'string' ? lastRun : windowStart;
    let recorded = 0;

    const edited = createRuleIndex({ convert: settings.convert });
    await forEachPage(
      (next) => context.storage.rules.listUpdatedSince(since, { limit: pageSize, cursor: next }),
      async (rules) => {
        for (const rule of rules) {
          await matcher.apply(rule);
          edited.add(rule);
        }
      },
    );
    report(0.1, `${edited.size} rules created or edited since ${since}`);

    const matchPages = async (from: string, label: string, index?: typeof edited) => {
      let listings = 0;
      await forEachPage(
        (next) => context.storage.listings.listChangedSince(from, { limit: pageSize, cursor: next }),
        async (page: Listing[]) => {
          listings += page.length;
          recorded += (await matcher.matchAndRecord(page, 'catch_up', index)).length;
        },
      );
      return `${listings} ${label}`;
    };
    report(0.5, `${await matchPages(since, 'listings stored since the last run matched')}`);
    if (edited.size > 0) {
      report(
        0.9,
        `${await matchPages(windowStart, 'recent listings matched against new and edited rules', edited)}`,
      );
    }

    await context.storage.state.set(
      checkDealAlertsCursorKey,
      { lastRunAt: now },
      { expectedVersion: cursor?.version ?? null },
    );
    report(1, `${recorded} new matches`);
    return recorded;
  };

  context.jobs.process(checkDealAlertsJob, async (_payload, job) => {
    await run((fraction, message) => job.progress(fraction, message));
  });
  return { name: checkDealAlertsJob, run };
}
