import { DealScoutError } from '../errors/deal-scout-error';
import type { Listing } from '../listing/listing';
import type { RuntimeContext } from '../runtime/runtime-context';
import type { DealAlertRule } from './deal-alert-rule';
import type { ScoutLoopSettings } from './rules-settings';
import { planScoutQueries, type ScoutQuery } from './scout-queries';

/** Name of the scout loop's job on the jobs contract. */
export const scoutMarketplacesJob = 'scout-marketplaces';

/** What one pass of the scout loop did. */
export type ScoutRunSummary = {
  /** Searches planned from the active rules. */
  readonly queries: number;
  /** Searches run this pass (the rest wait for budget). */
  readonly queriesPolled: number;
  /** Marketplace calls made. */
  readonly calls: number;
  /** Listings not seen before by their query, handed to ingest. */
  readonly newListings: number;
};

/** The scout loop: registered on the jobs contract; `runOnce` runs one pass now. */
export type ScoutLoop = {
  readonly name: string;
  runOnce(report?: (fraction: number, message: string) => void): Promise<ScoutRunSummary>;
  /** Schedules the loop when it is enabled. */
  start(): Promise<void>;
};

/** Per query: the newest listing it has seen, and when it last ran. */
type QueryMarker = { newestPostedAt: string | null; newestIds: string[]; lastPolledAt: string | null };
/** Per marketplace: calls made on one UTC day. */
type BudgetEntry = { day: string; used: number };

const markerKey = (query: ScoutQuery) => `rules.scout.query.${query.key}`;
const budgetKey = (marketplace: string) => `rules.scout.budget.${marketplace}`;

/** True when the query has already seen this listing: it is older than, or among, the newest seen. */
function seenBefore(listing: Listing, marker: QueryMarker): boolean {
  if (marker.newestPostedAt === null) return false;
  if (listing.postedAt < marker.newestPostedAt) return true;
  return listing.postedAt === marker.newestPostedAt && marker.newestIds.includes(listing.id);
}

/**
 * Polls marketplaces for the active rules. Each pass turns the enabled rules into searches
 * (`planScoutQueries`, merging rules that can share one), and for each marketplace spends a
 * share of its daily call budget (what is left today over the passes left today, at least one
 * call), least recently polled searches first. Every search asks for the newest listings first
 * and stops paging at the first listing it has already seen (or after `maxPagesPerQuery`
 * pages); what it found goes through `ingest`, so real-time matching alerts on it at once.
 * Calls go through the runtime's marketplace client (rate limits, retries, the adapter's own
 * budget). Progress is reported as `job.progress` events.
 */
export function createScoutLoop(context: RuntimeContext, settings: ScoutLoopSettings): ScoutLoop {
  const state = context.storage.state;

  const readEnabledRules = async () => {
    const rules: DealAlertRule[] = [];
    let cursor: string | null = null;
    do {
      const page = await context.storage.rules.listEnabled({ limit: 1000, cursor });
      rules.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return rules;
  };

  const allowanceFor = async (marketplace: string, today: string, now: Date) => {
    const entry = (await state.get(budgetKey(marketplace)))?.value as BudgetEntry | undefined;
    const used = entry?.day === today ? entry.used : 0;
    let remaining = settings.dailyCallBudget - used;
    const adapterRemaining = context.marketplace(marketplace).remainingDailyCalls();
    if (adapterRemaining !== null) remaining = Math.min(remaining, adapterRemaining);
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    const passesLeft = Math.max(1, Math.ceil((midnight - now.getTime()) / settings.everyMs));
    return { used, allowance: remaining <= 0 ? 0 : Math.max(1, Math.floor(remaining / passesLeft)) };
  };

  const pollQuery = async (
    query: ScoutQuery,
    allowance: number,
    ingested: Set<string>,
    spent: { calls: number },
  ) => {
    const entry = (await state.get(markerKey(query)))?.value as QueryMarker | undefined;
    const marker: QueryMarker = entry ?? { newestPostedAt: null, newestIds: [], lastPolledAt: null };
    const client = context.marketplace(query.marketplace);
    const found: Listing[] = [];
    let calls = 0;
    let cursor: string | undefined;
    for (let page = 0; page < settings.maxPagesPerQuery && calls < allowance; page++) {
      calls++;
      spent.calls++; // counted before the call: a failed call still used the budget
      const result = await client.search({
        ...(query.query ? { query: query.query } : {}),
        ...(query.categories ? { categories: [...query.categories] } : {}),
        ...(query.minPrice ? { minPrice: query.minPrice } : {}),
        ...(query.maxPrice ? { maxPrice: query.maxPrice } : {}),
        ...(query.conditions ? { conditions: [...query.conditions] } : {}),
        ...(query.near ? { near: query.near } : {}),
        sort: 'newest',
        limit: settings.pageSize,
        ...(cursor ? { cursor } : {}),
      });
      const fresh = result.listings.findIndex((listing) => seenBefore(listing, marker));
      found.push(...(fresh < 0 ? result.listings : result.listings.slice(0, fresh)));
      if (fresh >= 0 || !result.nextCursor) break;
      cursor = result.nextCursor;
    }
    const newest = found.reduce<string | null>(
      (max, l) => (max === null || l.postedAt > max ? l.postedAt : max),
      null,
    );
    const next: QueryMarker =
      newest === null || (marker.newestPostedAt !== null && newest < marker.newestPostedAt)
        ? { ...marker, lastPolledAt: context.now() }
        : {
            newestPostedAt: newest,
            newestIds: [
              ...(newest === marker.newestPostedAt ? marker.newestIds : []),
              ...found.filter((l) => l.postedAt === newest).map((l) => l.id),
            ].slice(-200),
            lastPolledAt: context.now(),
          };
    const unseen = found.filter((listing) => !ingested.has(listing.id));
    for (const listing of unseen) ingested.add(listing.id);
    if (unseen.length > 0) await context.ingest(unseen);
    // The marker moves only once what it covers is stored, so a failed ingest is polled again.
    await state.set(markerKey(query), next);
    return { calls, newListings: unseen.length };
  };

  const runOnce: ScoutLoop['runOnce'] = async (report) => {
    const emit =
      report ??
      ((fraction: number, message: string) =>
        context.events.emit('job.progress', {
          job: scoutMarketplacesJob,
          jobId: 'direct',
          fraction,
          message,
        }));
    const searchable = [...context.marketplaces.keys()].filter(
      (id) => context.marketplace(id).capabilities.search,
    );
    const queries = planScoutQueries(await readEnabledRules(), searchable);
    const now = context.clock.now();
    const today = now.toISOString().slice(0, 10);
    const ingested = new Set<string>();
    let calls = 0;
    let polled = 0;
    let newListings = 0;
    for (const marketplace of searchable) {
      const own = queries.filter((query) => query.marketplace === marketplace);
      if (own.length === 0) continue;
      const budget = await allowanceFor(marketplace, today, now);
      let allowance = budget.allowance;
      const markers = await Promise.all(
        own.map(async (query) => (await state.get(markerKey(query)))?.value as QueryMarker | undefined),
      );
      const order = own
        .map((query, i) => ({ query, last: markers[i]?.lastPolledAt ?? '' }))
        .sort((a, b) => (a.last < b.last ? -1 : a.last > b.last ? 1 : 0));
      const spent = { calls: 0 };
      for (const { query } of order) {
        if (allowance <= 0) break;
        const before = spent.calls;
        try {
          const result = await pollQuery(query, allowance, ingested, spent);
          newListings += result.newListings;
          polled++;
        } catch (error) {
          context.reportError(`scout loop: ${marketplace} search '${query.query ?? query.key}'`, error);
          // An exhausted budget or rate limit ends this marketplace's pass; other failures only this search.
          if (DealScoutError.isInstance(error) && error.code === 'RATE_LIMITED') break;
        } finally {
          allowance -= spent.calls - before;
        }
        emit(
          polled / queries.length,
          `${marketplace}: polled ${polled} of ${queries.length} searches, ${newListings} new listings`,
        );
      }
      calls += spent.calls;
      await state.set(budgetKey(marketplace), {
        day: today,
        used: budget.used + spent.calls,
      } satisfies BudgetEntry);
    }
    emit(
      1,
      `${polled} of ${queries.length} searches polled with ${calls} calls; ${newListings} new listings`,
    );
    return { queries: queries.length, queriesPolled: polled, calls, newListings };
  };

  context.jobs.process(scoutMarketplacesJob, async (_payload, job) => {
    await runOnce((fraction, message) => job.progress(fraction, message));
  });

  return {
    name: scoutMarketplacesJob,
    runOnce,
    async start() {
      if (settings.enabled) await context.jobs.schedule(scoutMarketplacesJob, { everyMs: settings.everyMs });
    },
  };
}
