import { conditionRank } from '../listing/condition';
import type { Listing } from '../listing/listing';
import { haversineDistance } from '../listing/location';
import { formatMoney } from '../listing/money';
import { type CompiledRule, compileRule, type MatchableRule } from './compiled-rule';
import { amountInCurrency, type CurrencyConverter } from './currency-converter';
import { containsPhrase } from './listing-tokens';
import { type MatchableListing, toMatchableListing } from './matchable-listing';

/** Options every matcher shares. */
export type RuleMatchOptions = {
  /** Converts listing prices into a rule's currency; without it, other currencies never match. */
  readonly convert?: CurrencyConverter | undefined;
};

/** Whether a listing matches a rule and, when it does, why, in words. */
export type RuleMatchExplanation = {
  readonly matched: boolean;
  /** One line per criterion the listing met (`keyword "gaming pc"`, `price $450.00 ≤ $500.00`). */
  readonly reasons: string[];
  /** The first criterion that failed, in words, when `matched` is false. */
  readonly failedCriterion: string | null;
};

const quote = (text: string) => `"${text}"`;
const label = (value: string) => value.replaceAll('_', ' ').replaceAll('-', ' ');

/**
 * Applies the rule semantics of `docs/rule-semantics.md` to one rule and one listing. This is
 * the definition: the naive matcher calls it rule by rule, and the rule index is proved equal to
 * it. When `reasons` is given, a line is pushed per criterion met; the return value says
 * whether every criterion was met (`failed` receives the first one that was not).
 */
export function evaluateRule(
  compiled: CompiledRule,
  matchable: MatchableListing,
  options: RuleMatchOptions = {},
  reasons?: string[],
  failed?: { criterion: string | null },
): boolean {
  // Plain loops and no closures: this runs once per rule per listing in the naive matcher.
  const { listing, tokens } = matchable;
  if (!compiled.active)
    return failWith(failed, compiled.rule.enabled ? 'rule can never match' : 'rule is paused');
  if (listing.status !== 'active') return failWith(failed, `listing is ${listing.status}`);
  if (compiled.marketplaces.size > 0) {
    if (!compiled.marketplaces.has(listing.marketplace)) return failWith(failed, 'marketplace');
    reasons?.push(`marketplace ${listing.marketplace}`);
  }
  if (compiled.keywords.length > 0) {
    let index = 0;
    while (index < compiled.keywords.length && !containsPhrase(tokens, compiled.keywords[index]!)) index++;
    if (index === compiled.keywords.length) return failWith(failed, 'keywords');
    reasons?.push(`keyword ${quote(compiled.keywordTexts[index]!)}`);
  }
  for (const phrase of compiled.excludes) {
    if (containsPhrase(tokens, phrase)) return failWith(failed, `excluded keyword "${phrase.join(' ')}"`);
  }
  if (compiled.excludes.length > 0) reasons?.push('no excluded keyword');
  if (compiled.categories.length > 0) {
    let within: string | undefined;
    for (const category of compiled.categories) {
      if (matchable.categoryChain.includes(category)) {
        within = category;
        break;
      }
    }
    if (!within) return failWith(failed, 'category');
    reasons?.push(
      listing.category === within
        ? `category ${label(within)}`
        : `category ${label(listing.category!)} within ${label(within)}`,
    );
  }
  if (compiled.minimumConditionRank !== null) {
    if (!listing.condition || conditionRank(listing.condition) < compiled.minimumConditionRank) {
      return failWith(failed, 'condition');
    }
    reasons?.push(`condition ${label(listing.condition)} meets minimum ${label(compiled.rule.condition!)}`);
  }
  if (compiled.currency !== null) {
    const amount = amountInCurrency(listing.price, compiled.currency, options.convert);
    if (amount === null) return failWith(failed, `price not comparable in ${compiled.currency}`);
    if (compiled.minAmount !== null && amount < compiled.minAmount) return failWith(failed, 'minimum price');
    if (compiled.maxAmount !== null && amount > compiled.maxAmount) return failWith(failed, 'maximum price');
    if (reasons) reasons.push(describePrice(compiled, listing, amount));
  }
  if (compiled.radiusMi !== null) {
    if (!compiled.center || listing.location?.lat === undefined || listing.location.lon === undefined) {
      return failWith(failed, 'location');
    }
    const point = { lat: listing.location.lat, lon: listing.location.lon };
    const distance = haversineDistance(compiled.center, point, 'mi');
    if (!(distance <= compiled.radiusMi)) return failWith(failed, 'radius');
    reasons?.push(`${distance.toFixed(1)} mi away, within ${compiled.radiusMi} mi`);
  }
  if (compiled.minDealScore !== null) {
    if (listing.dealScore === undefined || listing.dealScore < compiled.minDealScore) {
      return failWith(failed, 'deal score');
    }
    reasons?.push(`deal score ${listing.dealScore.toFixed(2)} ≥ ${compiled.minDealScore.toFixed(2)}`);
  }
  return true;
}

function failWith(failed: { criterion: string | null } | undefined, criterion: string): false {
  if (failed) failed.criterion = criterion;
  return false;
}

function describePrice(compiled: CompiledRule, listing: Listing, amount: number): string {
  const currency = compiled.currency!;
  const shown =
    listing.price.currency === currency
      ? formatMoney(listing.price)
      : `${formatMoney(listing.price)} (≈ ${formatMoney({ amount, currency })})`;
  const min = compiled.minAmount === null ? null : formatMoney({ amount: compiled.minAmount, currency });
  const max = compiled.maxAmount === null ? null : formatMoney({ amount: compiled.maxAmount, currency });
  if (min && max) return `price ${shown} within ${min}–${max}`;
  return max ? `price ${shown} ≤ ${max}` : `price ${shown} ≥ ${min}`;
}

/**
 * Whether `listing` matches `rule`, with the reasons in words. Use it to explain a match to a
 * user; to match many rules, use the rule index.
 */
export function explainRuleMatch(
  rule: MatchableRule,
  listing: Listing,
  options: RuleMatchOptions = {},
): RuleMatchExplanation {
  const reasons: string[] = [];
  const failed = { criterion: null as string | null };
  const matched = evaluateRule(compileRule(rule), toMatchableListing(listing), options, reasons, failed);
  return matched
    ? { matched, reasons, failedCriterion: null }
    : { matched, reasons: [], failedCriterion: failed.criterion };
}
