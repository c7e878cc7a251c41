import type { Listing } from '../listing/listing';
import type { RuntimeContext } from '../runtime/runtime-context';
import { createId } from '../shared/ids';
import type { AlertMatch } from './alert-match';
import type { CurrencyConverter } from './currency-converter';
import type { DealAlertRule } from './deal-alert-rule';
import { createRuleIndex, type RuleIndex } from './rule-index';
import { explainRuleMatch } from './rule-semantics';

/** Settings of {@link createRuleMatcher}. */
export type RuleMatcherSettings = { readonly convert?: CurrencyConverter | undefined };

/**
 * The runtime's matcher: the process's rule index, kept in step with storage, and the one path
 * by which matches are recorded (real time, catch-up): each (rule, listing) pair is stored once
 * (`alertMatches.recordMany` dedupes, even across processes) and only a newly stored pair
 * emits `alert.matched` and sets the rule's `lastTriggeredAt`.
 */
export type RuleMatcher = {
  /** The index of enabled rules. */
  readonly index: RuleIndex;
  /** Builds the index from storage on first call; later calls share the same build. */
  ready(): Promise<void>;
  /** Puts a rule's stored state into the index: added, updated, or removed when paused. */
  apply(rule: DealAlertRule): Promise<void>;
  /** Drops a deleted rule from the index. */
  forget(ruleId: string): Promise<void>;
  /**
   * Matches listings against `index` (default: the process's index), re-checks every candidate
   * against the rule as stored now, records the new pairs and emits their events. Returns the
   * matches that were new.
   */
  matchAndRecord(
    listings: readonly Listing[],
    source: AlertMatch['source'],
    index?: RuleIndex,
  ): Promise<AlertMatch[]>;
};

const pageSize = 1000;
const recordChunk = 500;

/** Creates the matcher; the index is built lazily from `context.storage`. */
export function createRuleMatcher(context: RuntimeContext, settings: RuleMatcherSettings = {}): RuleMatcher {
  const index = createRuleIndex({ convert: settings.convert });
  let building: Promise<void> | null = null;

  const build = async () => {
    let cursor: string | null = null;
    do {
      const page = await context.storage.rules.listEnabled({ limit: pageSize, cursor });
      for (const rule of page.items) index.add(rule);
      cursor = page.nextCursor;
    } while (cursor);
  };

  const ready = () => {
    building ??= build().catch((error: unknown) => {
      building = null; // the next call tries again
      throw error;
    });
    return building;
  };

  const loadRules = async (ids: readonly string[]) => {
    const rules = await Promise.all(ids.map((id) => context.storage.rules.get(id)));
    return new Map(ids.map((id, i) => [id, rules[i] ?? null]));
  };

  return {
    index,
    ready,
    async apply(rule) {
      // After the build, so a build reading an older version cannot overwrite this one.
      await ready();
      index.add(rule);
    },
    async forget(ruleId) {
      await ready();
      index.remove(ruleId);
    },
    async matchAndRecord(listings, source, using = index) {
      await ready();
      const pairs: { ruleId: string; listing: Listing }[] = [];
      for (const listing of listings)
        for (const ruleId of using.match(listing)) pairs.push({ ruleId, listing });
      if (pairs.length === 0) return [];
      const rules = await loadRules([...new Set(pairs.map((pair) => pair.ruleId))]);
      const now = context.now();
      const candidates: AlertMatch[] = [];
      const origins = new Map<string, { rule: DealAlertRule; listing: Listing }>();
      for (const { ruleId, listing } of pairs) {
        const rule = rules.get(ruleId) ?? null;
        // Another process may have deleted, paused or edited the rule: storage is the truth.
        if (!rule) {
          index.remove(ruleId);
          continue;
        }
        const explanation = explainRuleMatch(rule, listing, { convert: settings.convert });
        if (!explanation.matched) {
          if (using === index) index.add(rule);
          continue;
        }
        const match: AlertMatch = {
          id: createId('match'),
          ruleId,
          userId: rule.userId,
          listingId: listing.id,
          matchedAt: now,
          reasons: explanation.reasons,
          source,
        };
        candidates.push(match);
        origins.set(match.id, { rule, listing });
      }
      const recorded: AlertMatch[] = [];
      for (let start = 0; start < candidates.length; start += recordChunk) {
        recorded.push(
          ...(await context.storage.alertMatches.recordMany(candidates.slice(start, start + recordChunk))),
        );
      }
      if (recorded.length === 0) return [];
      await context.storage.rules.markTriggered([...new Set(recorded.map((match) => match.ruleId))], now);
      for (const match of recorded) {
        const { rule, listing } = origins.get(match.id)!;
        context.events.emit('alert.matched', { match, rule: { ...rule, lastTriggeredAt: now }, listing });
      }
      return recorded;
    },
  };
}
