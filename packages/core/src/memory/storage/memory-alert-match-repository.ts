import type { AlertMatch } from '../../rules/alert-match';
import type { AlertMatchRepositoryV1 } from '../../storage/v1/alert-match-repository-v1';
import { paginate } from './paging';
import { storableCopy } from './storable-copy';

const pairOf = (match: Pick<AlertMatch, 'ruleId' | 'listingId'>) =>
  JSON.stringify([match.ruleId, match.listingId]);

/** Alert matches, unique per (rule, listing) and per id. */
export function createMemoryAlertMatchRepository(): AlertMatchRepositoryV1 {
  const byPair = new Map<string, AlertMatch>();
  const ids = new Set<string>();

  return {
    async recordMany(matches) {
      // Decide every insert first (skipping pairs and ids already stored or earlier in the batch),
      // then apply; a match whose id is taken is skipped like a duplicate pair, as a unique index would.
      const fresh: AlertMatch[] = [];
      const batchPairs = new Set<string>();
      const batchIds = new Set<string>();
      for (const match of matches) {
        const pair = pairOf(match);
        if (byPair.has(pair) || batchPairs.has(pair) || ids.has(match.id) || batchIds.has(match.id)) continue;
        batchPairs.add(pair);
        batchIds.add(match.id);
        fresh.push(storableCopy(match, `alert match '${match.id}'`));
      }
      for (const match of fresh) {
        byPair.set(pairOf(match), match);
        ids.add(match.id);
      }
      return structuredClone(fresh);
    },

    async listByRule(ruleId, page) {
      const own = [...byPair.values()].filter((match) => match.ruleId === ruleId);
      return paginate(own, (match) => [match.matchedAt, match.id], ['desc', 'asc'], page);
    },

    async listByUser(userId, page) {
      const own = [...byPair.values()].filter(
        (match) => match.userId === userId && (page.since === undefined || match.matchedAt >= page.since),
      );
      return paginate(own, (match) => [match.matchedAt, match.id], ['desc', 'asc'], page);
    },

    async deleteByRule(ruleId) {
      let deleted = 0;
      for (const [pair, match] of byPair) {
        if (match.ruleId !== ruleId) continue;
        byPair.delete(pair);
        ids.delete(match.id);
        deleted++;
      }
      return deleted;
    },
  };
}
