import type { CategoryId } from '../listing/categories';
import { conditionRank } from '../listing/condition';
import { type GeoPoint, hasCoordinates } from '../listing/location';
import type { Money } from '../listing/money';
import type { DealAlertCriteria } from './deal-alert-rule';
import { tokenize } from './text-normalization';

/** The fields of a rule that matching reads: its criteria plus id and `enabled`. */
export type MatchableRule = DealAlertCriteria & { readonly id: string; readonly enabled: boolean };

/**
 * A rule prepared for matching: keywords tokenised once, the price bounds reduced to one
 * currency, the condition to a rank. Built by {@link compileRule}; both the naive matcher and
 * the rule index read rules only through it, so they cannot disagree on what a rule says.
 */
export type CompiledRule = {
  readonly id: string;
  readonly rule: MatchableRule;
  /** False for disabled rules and for rules that can never match (see `compileRule`). */
  readonly active: boolean;
  /** One token sequence per keyword; a sequence of several tokens is a phrase. */
  readonly keywords: readonly (readonly string[])[];
  /** The keyword each entry of `keywords` came from, as the user wrote it. */
  readonly keywordTexts: readonly string[];
  readonly excludes: readonly (readonly string[])[];
  readonly categories: readonly CategoryId[];
  /** `conditionRank` of the minimum condition, or `null`. */
  readonly minimumConditionRank: number | null;
  /** The currency of the price bounds, or `null` when the rule has none. */
  readonly currency: string | null;
  /** Inclusive bounds in minor units of `currency`. */
  readonly minAmount: number | null;
  readonly maxAmount: number | null;
  readonly center: GeoPoint | null;
  /** Statute miles; `null` when the rule has no radius criterion. */
  readonly radiusMi: number | null;
  readonly minDealScore: number | null;
  /** Empty means every marketplace. */
  readonly marketplaces: ReadonlySet<string>;
};

function priceCurrency(min: Money | null, max: Money | null): string | null | false {
  if (min && max && min.currency !== max.currency) return false;
  return (min ?? max)?.currency ?? null;
}

/**
 * Compiles a rule for matching. A rule is inactive (matches nothing) when it is disabled, when
 * every keyword is empty after normalisation, when its price bounds use two currencies, or when
 * it has a radius but no coordinates: the rules service rejects the last three, and compiling
 * them as "never matches" keeps stored data from older versions harmless.
 */
export function compileRule(rule: MatchableRule): CompiledRule {
  const keywords = rule.keywords.map(tokenize);
  const kept = keywords.flatMap((tokens, index) => (tokens.length > 0 ? [index] : []));
  const excludes = rule.excludeKeywords.map(tokenize).filter((tokens) => tokens.length > 0);
  const currency = priceCurrency(rule.minPrice, rule.maxPrice);
  const radius = rule.radiusMi;
  const center = hasCoordinates(rule.location) ? { lat: rule.location.lat, lon: rule.location.lon } : null;
  const hasKeyword = keywords.length === 0 || keywords.some((tokens) => tokens.length > 0);
  return {
    id: rule.id,
    rule,
    active: rule.enabled && hasKeyword && currency !== false && (radius === null || center !== null),
    keywords: kept.map((index) => keywords[index]!),
    keywordTexts: kept.map((index) => rule.keywords[index]!),
    excludes,
    categories: rule.categories,
    minimumConditionRank: rule.condition === null ? null : conditionRank(rule.condition),
    currency: currency === false ? null : currency,
    minAmount: rule.minPrice?.amount ?? null,
    maxAmount: rule.maxPrice?.amount ?? null,
    center: radius === null ? null : center,
    radiusMi: radius,
    minDealScore: rule.minDealScore,
    marketplaces: new Set(rule.marketplaces),
  };
}
