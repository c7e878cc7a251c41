import type { Listing } from '../listing/listing';
import { type CompiledRule, compileRule, type MatchableRule } from './compiled-rule';
import { toMatchableListing } from './matchable-listing';
import { evaluateRule, type RuleMatchOptions } from './rule-semantics';

/** Settings of {@link createNaiveRuleMatcher}. */
export type NaiveRuleMatcherSettings = RuleMatchOptions;

/**
 * The reference matcher: every rule is tried against every listing with {@link evaluateRule}.
 * It exists to prove the rule index right (property tests) and as the benchmark's baseline;
 * its cost grows with the number of rules, so production matching uses the rule index.
 */
export type NaiveRuleMatcher = {
  /** Number of rules held (disabled ones included; they never match). */
  readonly size: number;
  /** Adds a rule, or replaces the rule with the same id. */
  add(rule: MatchableRule): void;
  /** Removes a rule; returns whether it was held. */
  remove(ruleId: string): boolean;
  /** Ids of the rules `listing` matches, in the order the rules were first added. */
  match(listing: Listing): string[];
};

/** Creates an empty naive matcher. */
export function createNaiveRuleMatcher(settings: NaiveRuleMatcherSettings = {}): NaiveRuleMatcher {
  const rules = new Map<string, CompiledRule>();
  return {
    get size() {
      return rules.size;
    },
    add(rule) {
      rules.set(rule.id, compileRule(rule));
    },
    remove(ruleId) {
      return rules.delete(ruleId);
    },
    match(listing) {
      const matchable = toMatchableListing(listing);
      const ids: string[] = [];
      for (const compiled of rules.values()) {
        if (evaluateRule(compiled, matchable, settings)) ids.push(compiled.id);
      }
      return ids;
    },
  };
}
