import type { DealAlertRule } from '../../rules/deal-alert-rule';
import type { PageRequestV1, PageV1 } from './page-v1';

/** Deal alert rules. */
export type RuleRepositoryV1 = {
  /**
   * Stores a new rule; throws `ConflictError` if the id exists. With `maxRulesForUser`, the count
   * check and the insert are atomic: a user at the limit gets `LimitExceededError`, even when two
   * creates race.
   */
  create(rule: DealAlertRule, options?: { readonly maxRulesForUser?: number }): Promise<void>;
  get(id: string): Promise<DealAlertRule | null>;
  /** Replaces a stored rule; throws `NotFoundError` if it does not exist. */
  update(rule: DealAlertRule): Promise<void>;
  /** Deletes a rule; returns whether it existed. */
  delete(id: string): Promise<boolean>;
  /** A user's rules, oldest first. */
  listByUser(userId: string, page: PageRequestV1): Promise<PageV1<DealAlertRule>>;
  countByUser(userId: string): Promise<number>;
  /** Enabled rules of every user, by id (to build the matcher's index). */
  listEnabled(page: PageRequestV1): Promise<PageV1<DealAlertRule>>;
  /** Rules created or updated at or after `since`, by `updatedAt` then id. */
  listUpdatedSince(since: string, page: PageRequestV1): Promise<PageV1<DealAlertRule>>;
  /** Sets `lastTriggeredAt` for several rules at once. */
  markTriggered(ids: readonly string[], at: string): Promise<void>;
};
