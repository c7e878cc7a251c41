export { type AlertMatch, AlertMatchSchema } from './alert-match';
export {
  type DealAlertCriteria,
  DealAlertCriteriaSchema,
  type DealAlertRule,
  type DealAlertRuleInput,
  DealAlertRuleInputSchema,
  DealAlertRuleSchema,
} from './deal-alert-rule';
