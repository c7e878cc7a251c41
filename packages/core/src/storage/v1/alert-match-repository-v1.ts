import type { AlertMatch } from '../../rules/alert-match';
import type { PageRequestV1, PageV1 } from './page-v1';

/** Alert matches, unique per (rule, listing). */
export type AlertMatchRepositoryV1 = {
  /**
   * Stores matches whose (ruleId, listingId) pair is new and returns only those; pairs already
   * stored are skipped, even under concurrent calls. Atomic per call.
   */
  recordMany(matches: readonly AlertMatch[]): Promise<AlertMatch[]>;
  /** Matches of one rule, newest first. */
  listByRule(ruleId: string, page: PageRequestV1): Promise<PageV1<AlertMatch>>;
  /** Matches of one user, newest first, optionally only since a time. */
  listByUser(userId: string, page: PageRequestV1 & { readonly since?: string }): Promise<PageV1<AlertMatch>>;
  /** Deletes a rule's matches (when the rule is deleted); returns how many. */
  deleteByRule(ruleId: string): Promise<number>;
};
