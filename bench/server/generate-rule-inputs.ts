import type { DealAlertRuleInput, Listing } from '@deal-scout/core';
import { createRuleGenerator } from '../rules/generate-rules';

/**
 * `count` deal alert rules as a user would create them through the API: the seeded generator of
 * `bench:rules` (keywords and phrases from the real titles, prices around real listings of the same
 * kind, some categories, exclusions and radii), named after what they watch. Rules with neither
 * keywords nor categories are skipped: the API refuses them as too broad.
 */
export function generateRuleInputs(
  listings: readonly Listing[],
  count: number,
  seed = 7,
): DealAlertRuleInput[] {
  const next = createRuleGenerator(listings, seed);
  const inputs: DealAlertRuleInput[] = [];
  for (let i = 0; inputs.length < count && i < count * 20; i++) {
    const { id: _, ...criteria } = next(i);
    if (criteria.keywords.length === 0 && criteria.categories.length === 0) continue;
    const watched =
      criteria.keywords.length > 0 ? criteria.keywords.join(', ') : criteria.categories.join(', ');
    const under = criteria.maxPrice ? ` under $${Math.round(criteria.maxPrice.amount / 100)}` : '';
    inputs.push({ ...criteria, name: `${watched}${under}`.slice(0, 120) });
  }
  if (inputs.length < count) throw new Error(`generated only ${inputs.length} of ${count} usable rules`);
  return inputs;
}
