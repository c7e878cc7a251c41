export { type AlertMatch, AlertMatchSchema } from './alert-match';
export {
  type CheckDealAlertsJob,
  checkDealAlertsCursorKey,
  checkDealAlertsJob,
  createCheckDealAlertsJob,
} from './check-deal-alerts-job';
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
export { createRuleMatcher, type RuleMatcher, type RuleMatcherSettings } from './rule-matcher';
export {
  evaluateRule,
  explainRuleMatch,
  type RuleMatchExplanation,
  type RuleMatchOptions,
} from './rule-semantics';
export { editableFields, type ValidRuleInput, validateRuleInput } from './rule-validation';
export { createRulesService, type RulesService, type RuleTestResult } from './rules-service';
export {
  type ResolvedRulesSettings,
  type RulesSettings,
  RulesSettingsSchema,
  type ScoutLoopSettings,
  ScoutLoopSettingsSchema,
} from './rules-settings';
export { createScoutLoop, type ScoutLoop, type ScoutRunSummary, scoutMarketplacesJob } from './scout-loop';
export { planScoutQueries, type ScoutQuery } from './scout-queries';
export { foldPlural, normalizeText, tokenize } from './text-normalization';
