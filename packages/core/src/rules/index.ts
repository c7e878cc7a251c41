export { type AlertMatch, AlertMatchSchema } from './alert-match';
export { type CompiledRule, compileRule, type MatchableRule } from './compiled-rule';
export { amountInCurrency, type CurrencyConverter } from './currency-converter';
export {
  type DealAlertCriteria,
  DealAlertCriteriaSchema,
  type DealAlertRule,
  type DealAlertRuleInput,
  DealAlertRuleInputSchema,
  DealAlertRuleSchema,
} from './deal-alert-rule';
export { containsPhrase, listingTokens } from './listing-tokens';
export { type MatchableListing, toMatchableListing } from './matchable-listing';
export {
  createNaiveRuleMatcher,
  type NaiveRuleMatcher,
  type NaiveRuleMatcherSettings,
} from './naive-rule-matcher';
export { createRuleIndex, type RuleIndex, type RuleIndexSettings, type RuleIndexStats } from './rule-index';
export {
  evaluateRule,
  explainRuleMatch,
  type RuleMatchExplanation,
  type RuleMatchOptions,
} from './rule-semantics';
export { foldPlural, normalizeText, tokenize } from './text-normalization';
