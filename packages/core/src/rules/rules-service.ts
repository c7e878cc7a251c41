import { z } from 'zod';
import { NotFoundError } from '../errors/not-found-error';
import { ValidationError } from '../errors/validation-error';
import { categoryDescendants } from '../listing/categories';
import type { Listing } from '../listing/listing';
import type { RuntimeContext } from '../runtime/runtime-context';
import { createId, IdSchema } from '../shared/ids';
import { parseInput } from '../shared/parse-input';
import type { PageV1 } from '../storage/v1/page-v1';
import { createCheckDealAlertsJob } from './check-deal-alerts-job';
import { compileRule } from './compiled-rule';
import { type DealAlertRule, type DealAlertRuleInput, DealAlertRuleInputSchema } from './deal-alert-rule';
import { toMatchableListing } from './matchable-listing';
import { createRuleMatcher, type RuleMatcher } from './rule-matcher';
import { evaluateRule } from './rule-semantics';
import { editableFields, validateRuleInput } from './rule-validation';
import { type RulesSettings, RulesSettingsSchema } from './rules-settings';
import { createScoutLoop, type ScoutLoop } from './scout-loop';

/** What `rules.test` found among the stored listings. */
export type RuleTestResult = {
  /** Matching listings among those examined. */
  readonly count: number;
  /** Listings examined (active ones, newest first, at most `testScanLimit`). */
  readonly scanned: number;
  /** True when more stored listings exist than were examined. */
  readonly truncated: boolean;
  /** The first matches (newest first), each with the reasons it matched. */
  readonly matches: readonly { readonly listing: Listing; readonly reasons: readonly string[] }[];
};

/**
 * Deal alert rules (`scout.rules`). Every method takes the acting user's id; a rule of another
 * user is reported as not found (`NotFoundError`), never as forbidden, so ids cannot be probed.
 */
export type RulesService = {
  /** Creates a rule. Throws `ValidationError` (see `docs/rule-semantics.md`) or `LimitExceededError`. */
  create(userId: string, input: DealAlertRuleInput): Promise<DealAlertRule>;
  /** The user's rules, oldest first; `limit` 1–100 (default 20), `cursor` from the previous page. */
  list(userId: string, page?: { limit?: number; cursor?: string | null }): Promise<PageV1<DealAlertRule>>;
  get(userId: string, ruleId: string): Promise<DealAlertRule>;
  /** Changes the given fields only; the result is validated as a whole. */
  update(userId: string, ruleId: string, patch: Partial<DealAlertRuleInput>): Promise<DealAlertRule>;
  /** Deletes a rule and its alert matches. */
  delete(userId: string, ruleId: string): Promise<void>;
  /** Stops a rule from matching (`enabled: false`). */
  pause(userId: string, ruleId: string): Promise<DealAlertRule>;
  /** Lets a paused rule match again; the next catch-up check runs it over the recent window. */
  resume(userId: string, ruleId: string): Promise<DealAlertRule>;
  /** Runs a rule against stored listings without recording anything. */
  test(userId: string, ruleId: string, options?: { limit?: number }): Promise<RuleTestResult>;
  /** The matcher behind real-time and catch-up matching (for the runtime and tests). */
  readonly matcher: RuleMatcher;
  /** The scout loop that polls marketplaces for the active rules. */
  readonly scout: ScoutLoop;
  /** Runs the catch-up check now (what the `check-deal-alerts` job does); returns new matches. */
  checkDealAlerts(): Promise<number>;
  /** Builds the index and schedules the catch-up check and (when enabled) the scout loop. */
  start(): Promise<void>;
};

const PageSchema = z.object({
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2000).nullable().optional(),
});
const PatchSchema = DealAlertRuleInputSchema.partial().strict();

/** Creates the rules service and registers its ingest stage and jobs on the runtime. */
export function createRulesService(context: RuntimeContext, settings: RulesSettings = {}): RulesService {
  const resolved = parseInput(RulesSettingsSchema, settings, { subject: 'rules settings', field: 'rules' });
  const matcher = createRuleMatcher(context, { convert: resolved.convert });
  const checkJob = createCheckDealAlertsJob(context, matcher, resolved);
  const scout = createScoutLoop(context, resolved.scout);

  context.stages.react.push({
    name: 'rule-matching',
    run: async ({ listings }) => {
      await matcher.matchAndRecord(listings, 'realtime');
    },
  });

  const ids = (userId: string, ruleId: string) => ({
    userId: parseInput(IdSchema, userId, { subject: 'user id', field: 'userId' }),
    ruleId: parseInput(IdSchema, ruleId, { subject: 'rule id', field: 'ruleId' }),
  });
  const owned = async (userId: string, ruleId: string): Promise<DealAlertRule> => {
    const rule = await context.storage.rules.get(ruleId);
    if (!rule || rule.userId !== userId) throw new NotFoundError({ resource: 'deal alert rule', id: ruleId });
    return rule;
  };
  const save = async (rule: DealAlertRule): Promise<DealAlertRule> => {
    await context.storage.rules.update(rule);
    await matcher.apply(rule);
    return rule;
  };
  const setEnabled = async (userId: string, ruleId: string, enabled: boolean) => {
    const key = ids(userId, ruleId);
    const rule = await owned(key.userId, key.ruleId);
    if (rule.enabled === enabled) return rule;
    return save({ ...rule, enabled, updatedAt: context.now() });
  };

  return {
    matcher,
    scout,
    async create(userId, input) {
      const owner = parseInput(IdSchema, userId, { subject: 'user id', field: 'userId' });
      const valid = validateRuleInput(input);
      const now = context.now();
      const rule: DealAlertRule = {
        ...valid,
        id: createId('rule'),
        userId: owner,
        createdAt: now,
        updatedAt: now,
        lastTriggeredAt: null,
      };
      await context.storage.rules.create(rule, { maxRulesForUser: resolved.maxRulesPerUser });
      await matcher.apply(rule);
      return rule;
    },
    async list(userId, page = {}) {
      const owner = parseInput(IdSchema, userId, { subject: 'user id', field: 'userId' });
      const request = parseInput(PageSchema, page, { subject: 'page' });
      return context.storage.rules.listByUser(owner, {
        limit: request.limit,
        cursor: request.cursor ?? null,
      });
    },
    async get(userId, ruleId) {
      const key = ids(userId, ruleId);
      return owned(key.userId, key.ruleId);
    },
    async update(userId, ruleId, patch) {
      const key = ids(userId, ruleId);
      if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
        throw new ValidationError({
          issues: [{ field: 'patch', message: 'must be an object' }],
          subject: 'rule update',
        });
      }
      parseInput(PatchSchema, patch, { subject: 'rule update' });
      const rule = await owned(key.userId, key.ruleId);
      const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const valid = validateRuleInput({ ...editableFields(rule), ...changes });
      return save({ ...rule, ...valid, updatedAt: context.now() });
    },
    async delete(userId, ruleId) {
      const key = ids(userId, ruleId);
      await owned(key.userId, key.ruleId);
      await context.storage.rules.delete(key.ruleId);
      await matcher.forget(key.ruleId);
      await context.storage.alertMatches.deleteByRule(key.ruleId);
    },
    pause: (userId, ruleId) => setEnabled(userId, ruleId, false),
    resume: (userId, ruleId) => setEnabled(userId, ruleId, true),
    async test(userId, ruleId, options = {}) {
      const key = ids(userId, ruleId);
      const limit = parseInput(
        z.number().int().min(0).max(200).default(resolved.testMatchLimit),
        options.limit,
        {
          subject: 'test options',
          field: 'limit',
        },
      );
      const rule = await owned(key.userId, key.ruleId);
      // A test shows what the rule's criteria find, paused or not.
      const compiled = compileRule({ ...rule, enabled: true });
      const matches: { listing: Listing; reasons: string[] }[] = [];
      let count = 0;
      let scanned = 0;
      let cursor: string | null = null;
      // What storage can filter exactly is filtered there: a category rule only reads listings in
      // its categories (or below), a one-marketplace rule only that marketplace's listings.
      const categories =
        rule.categories.length > 0 ? [...new Set(rule.categories.flatMap(categoryDescendants))] : undefined;
      const marketplace = rule.marketplaces.length === 1 ? rule.marketplaces[0] : undefined;
      const matchOptions = { convert: resolved.convert };
      do {
        const page = await context.storage.listings.query({
          statuses: ['active'],
          ...(categories ? { categories } : {}),
          ...(marketplace ? { marketplace } : {}),
          limit: Math.min(1000, resolved.testScanLimit - scanned),
          cursor,
        });
        for (const listing of page.items) {
          scanned++;
          // Reasons are only worked out for a match: most listings fail, and describing a price costs.
          const matchable = toMatchableListing(listing);
          if (!evaluateRule(compiled, matchable, matchOptions)) continue;
          count++;
          if (matches.length < limit) {
            const reasons: string[] = [];
            evaluateRule(compiled, matchable, matchOptions, reasons);
            matches.push({ listing, reasons });
          }
        }
        cursor = page.nextCursor;
      } while (cursor && scanned < resolved.testScanLimit);
      return { count, scanned, truncated: cursor !== null, matches };
    },
    checkDealAlerts: () => checkJob.run(),
    async start() {
      await matcher.ready();
      if (resolved.catchUpEveryMs !== null) {
        await context.jobs.schedule(checkJob.name, { everyMs: resolved.catchUpEveryMs });
      }
      await scout.start();
    },
  };
}
