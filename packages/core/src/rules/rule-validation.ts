import { ValidationError, type ValidationIssue } from '../errors/validation-error';
import { isCategoryId } from '../listing/categories';
import { hasCoordinates } from '../listing/location';
import { parseInput } from '../shared/parse-input';
import { type DealAlertRule, type DealAlertRuleInput, DealAlertRuleInputSchema } from './deal-alert-rule';
import { tokenize } from './text-normalization';

/** A rule's user-editable fields, validated, with defaults filled in. */
export type ValidRuleInput = ReturnType<typeof DealAlertRuleInputSchema.parse>;

const subject = 'deal alert rule';

/** Issues zod would report less clearly: category ids that do not exist. */
function unknownCategories(raw: unknown): ValidationIssue[] {
  const categories = (raw as { categories?: unknown } | null)?.categories;
  if (!Array.isArray(categories)) return [];
  return categories.flatMap((category, index) =>
    typeof category === 'string' && !isCategoryId(category)
      ? [{ field: `categories[${index}]`, message: `unknown category '${category.slice(0, 60)}'` }]
      : [],
  );
}

/** Checks that span fields, which the schema checks one by one. */
function semanticIssues(rule: ValidRuleInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const key of ['keywords', 'excludeKeywords'] as const) {
    rule[key].forEach((keyword, index) => {
      if (tokenize(keyword).length === 0) {
        issues.push({ field: `${key}[${index}]`, message: 'must contain a letter or a digit' });
      }
    });
  }
  if (rule.minPrice && rule.maxPrice) {
    if (rule.minPrice.currency !== rule.maxPrice.currency) {
      issues.push({ field: 'maxPrice.currency', message: 'must be the currency of minPrice' });
    } else if (rule.minPrice.amount > rule.maxPrice.amount) {
      issues.push({ field: 'minPrice', message: 'must not be greater than maxPrice' });
    }
  }
  if (rule.radiusMi !== null && !hasCoordinates(rule.location)) {
    issues.push({ field: 'location', message: 'needs lat and lon when radiusMi is set' });
  }
  const narrows =
    rule.keywords.length > 0 ||
    rule.categories.length > 0 ||
    rule.condition !== null ||
    rule.minPrice !== null ||
    rule.maxPrice !== null ||
    rule.radiusMi !== null ||
    rule.minDealScore !== null;
  if (!narrows) {
    issues.push({
      field: 'criteria',
      message:
        'the rule is too broad: set at least one of keywords, categories, condition, minPrice, maxPrice, radiusMi or minDealScore',
    });
  }
  return issues;
}

/**
 * Validates what a user sends to create a rule (or a rule after a partial update): the schema,
 * then the rules of `docs/rule-semantics.md` (unknown category, empty keyword, min > max price,
 * radius without coordinates, no criterion at all). Throws `ValidationError` naming each field.
 */
export function validateRuleInput(raw: unknown): ValidRuleInput {
  const categoryIssues = unknownCategories(raw);
  if (categoryIssues.length > 0) throw new ValidationError({ issues: categoryIssues, subject });
  const rule = parseInput(DealAlertRuleInputSchema, raw, { subject });
  const issues = semanticIssues(rule);
  if (issues.length > 0) throw new ValidationError({ issues, subject });
  return rule;
}

/** The user-editable fields of a stored rule, as input for a partial update. */
export function editableFields(rule: DealAlertRule): DealAlertRuleInput {
  const {
    id: _id,
    userId: _userId,
    createdAt: _created,
    updatedAt: _updated,
    lastTriggeredAt: _last,
    ...input
  } = rule;
  return input;
}
