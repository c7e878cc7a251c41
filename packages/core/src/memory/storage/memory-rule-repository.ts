import { ConflictError } from '../../errors/conflict-error';
import { LimitExceededError } from '../../errors/limit-exceeded-error';
import { NotFoundError } from '../../errors/not-found-error';
import type { DealAlertRule } from '../../rules/deal-alert-rule';
import type { RuleRepositoryV1 } from '../../storage/v1/rule-repository-v1';
import { paginate } from './paging';
import { storableCopy } from './storable-copy';

/** Deal alert rules, held in a `Map` by id. */
export function createMemoryRuleRepository(): RuleRepositoryV1 {
  const rows = new Map<string, DealAlertRule>();
  const countOf = (userId: string) => {
    let count = 0;
    for (const rule of rows.values()) if (rule.userId === userId) count++;
    return count;
  };

  return {
    async create(rule, options) {
      // The check and the insert run without yielding, so two racing creates see each other.
      if (rows.has(rule.id)) {
        throw new ConflictError({ message: `rule '${rule.id}' already exists`, source: 'storage' });
      }
      const max = options?.maxRulesForUser;
      if (max !== undefined && countOf(rule.userId) >= max) {
        throw new LimitExceededError({
          message: `user '${rule.userId}' already has the maximum of ${max} rules`,
          limit: max,
          source: 'storage',
        });
      }
      rows.set(rule.id, storableCopy(rule, `rule '${rule.id}'`));
    },

    async get(id) {
      const rule = rows.get(id);
      return rule ? structuredClone(rule) : null;
    },

    async update(rule) {
      if (!rows.has(rule.id)) throw new NotFoundError({ resource: 'rule', id: rule.id, source: 'storage' });
      rows.set(rule.id, structuredClone(rule));
    },

    async delete(id) {
      return rows.delete(id);
    },

    async listByUser(userId, page) {
      const own = [...rows.values()].filter((rule) => rule.userId === userId);
      return paginate(own, (rule) => [rule.createdAt, rule.id], ['asc', 'asc'], page);
    },

    async countByUser(userId) {
      return countOf(userId);
    },

    async listEnabled(page) {
      const enabled = [...rows.values()].filter((rule) => rule.enabled);
      return paginate(enabled, (rule) => [rule.id], ['asc'], page);
    },

    async listUpdatedSince(since, page) {
      const updated = [...rows.values()].filter((rule) => rule.updatedAt >= since);
      return paginate(updated, (rule) => [rule.updatedAt, rule.id], ['asc', 'asc'], page);
    },

    async markTriggered(ids, at) {
      for (const id of ids) {
        const rule = rows.get(id);
        if (rule) rows.set(id, { ...rule, lastTriggeredAt: at });
      }
    },
  };
}
