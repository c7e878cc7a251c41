import type { CategoryId } from '../listing/categories';
import { type Condition, conditionRank, conditions } from '../listing/condition';
import { type GeoPoint, hasCoordinates, haversineDistance } from '../listing/location';
import type { Money } from '../listing/money';
import type { DealAlertRule } from './deal-alert-rule';
import { normalizeText } from './text-normalization';

/** One marketplace search that serves one or more rules. */
export type ScoutQuery = {
  /** Stable identity of the query (marketplace, text and filters), for its "seen" marker. */
  readonly key: string;
  readonly marketplace: string;
  /** The keyword as the first rule wrote it; absent for rules without keywords. */
  readonly query?: string;
  readonly categories?: readonly CategoryId[];
  readonly minPrice?: Money;
  readonly maxPrice?: Money;
  readonly conditions?: readonly Condition[];
  readonly near?: { readonly point: GeoPoint; readonly radiusMi: number };
  /** The rules this query serves. */
  readonly ruleIds: readonly string[];
};

type Group = { marketplace: string; query: string | undefined; rules: DealAlertRule[] };

/** FNV-1a, to keep state keys short and stable. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

const all = <T>(rules: DealAlertRule[], pick: (rule: DealAlertRule) => T | null) => {
  const values = rules.map(pick);
  return values.every((value) => value !== null) ? (values as T[]) : null;
};

/**
 * The loosest filters every rule of a group shares, so one search returns everything each of
 * them could match (the rule index then decides per rule): categories, price bounds and
 * conditions only when every rule sets them, and a circle enclosing every rule's circle.
 */
function sharedFilters(
  rules: DealAlertRule[],
): Omit<ScoutQuery, 'key' | 'marketplace' | 'query' | 'ruleIds'> {
  const filters: { -readonly [K in keyof ScoutQuery]?: ScoutQuery[K] } = {};
  const categories = all(rules, (rule) => (rule.categories.length > 0 ? rule.categories : null));
  if (categories) filters.categories = [...new Set(categories.flat())].sort();
  const mins = all(rules, (rule) => rule.minPrice);
  if (mins?.every((price) => price.currency === mins[0]!.currency)) {
    filters.minPrice = mins.reduce((low, price) => (price.amount < low.amount ? price : low));
  }
  const maxes = all(rules, (rule) => rule.maxPrice);
  if (maxes?.every((price) => price.currency === maxes[0]!.currency)) {
    filters.maxPrice = maxes.reduce((high, price) => (price.amount > high.amount ? price : high));
  }
  const minimums = all(rules, (rule) => rule.condition);
  if (minimums) {
    const loosest = Math.min(...minimums.map(conditionRank));
    filters.conditions = conditions.filter((condition) => conditionRank(condition) >= loosest);
  }
  const circles = all(rules, (rule) =>
    rule.radiusMi !== null && hasCoordinates(rule.location)
      ? { point: { lat: rule.location.lat, lon: rule.location.lon }, radiusMi: rule.radiusMi }
      : null,
  );
  if (circles) {
    const point = circles[0]!.point;
    const radiusMi = Math.max(
      ...circles.map((circle) => haversineDistance(point, circle.point) + circle.radiusMi),
    );
    if (radiusMi <= 12_500) filters.near = { point, radiusMi: Math.ceil(radiusMi * 1000) / 1000 };
  }
  return filters;
}

/**
 * Turns enabled rules into marketplace searches. Each keyword of a rule is one search on each
 * marketplace the rule watches (keywords are OR'd, and marketplaces search their words with
 * AND); rules whose keyword normalises to the same text on the same marketplace share one search,
 * as do keyword-less rules with the same categories. Exclusions are not sent: the index applies
 * them, and marketplaces differ in how (or whether) they support them.
 */
export function planScoutQueries(
  rules: readonly DealAlertRule[],
  marketplaces: readonly string[],
): ScoutQuery[] {
  const groups = new Map<string, Group>();
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const targets =
      rule.marketplaces.length > 0
        ? rule.marketplaces.filter((id) => marketplaces.includes(id))
        : marketplaces;
    const texts = rule.keywords.length > 0 ? rule.keywords : [undefined];
    for (const marketplace of targets) {
      for (const text of texts) {
        const normalised = text === undefined ? undefined : normalizeText(text).trim().replace(/\s+/g, ' ');
        const key =
          normalised === undefined
            ? `${marketplace}\u0000#${[...rule.categories].sort().join(',')}`
            : `${marketplace}\u0000${normalised}`;
        const group = groups.get(key) ?? { marketplace, query: text?.trim(), rules: [] };
        group.rules.push(rule);
        groups.set(key, group);
      }
    }
  }
  return [...groups.values()].map((group) => {
    const filters = sharedFilters(group.rules);
    const identity = JSON.stringify([group.marketplace, group.query?.toLowerCase() ?? null, filters]);
    return {
      key: `${group.marketplace}.${hash(identity)}`,
      marketplace: group.marketplace,
      ...(group.query ? { query: group.query } : {}),
      ...filters,
      ruleIds: [...new Set(group.rules.map((rule) => rule.id))],
    };
  });
}
