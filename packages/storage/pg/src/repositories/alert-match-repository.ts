import type { AlertMatch, AlertMatchRepositoryV1 } from '@deal-scout/core';
import { createParameters, cursorKeyOf, type KeysetOrdering, toPage } from '../values/keyset-page';
import { fromJson, toIsoTimestamp } from '../values/sql-values';
import {
  AlertMatchesSchema,
  LookupIdSchema,
  MatchesByUserSchema,
  PageRequestSchema,
  parseStorageInput,
} from '../values/storage-inputs';
import type { RepositoryContext } from './repository-context';

const byRuleOrdering: KeysetOrdering = { name: 'matches.rule', kinds: ['timestamp', 'string'] };
const byUserOrdering: KeysetOrdering = { name: 'matches.user', kinds: ['timestamp', 'string'] };

const columns = 'id, rule_id, user_id, listing_id, matched_at, source, reasons';

type MatchRow = {
  id: string;
  rule_id: string;
  user_id: string;
  listing_id: string;
  matched_at: unknown;
  source: AlertMatch['source'];
  reasons: unknown;
};

function fromRow(row: MatchRow): AlertMatch {
  return {
    id: row.id,
    ruleId: row.rule_id,
    userId: row.user_id,
    listingId: row.listing_id,
    matchedAt: toIsoTimestamp(row.matched_at),
    reasons: fromJson<string[]>(row.reasons),
    source: row.source,
  };
}

/**
 * Alert matches. The unique constraint on (rule, listing) and the primary key on id decide which
 * matches are new: `recordMany` inserts with `ON CONFLICT DO NOTHING` and returns what the
 * database actually inserted, so concurrent recorders of the same pair cannot both win.
 */
export function createAlertMatchRepository(context: RepositoryContext): AlertMatchRepositoryV1 {
  const { tables } = context;

  const list = async (
    operation: string,
    ordering: KeysetOrdering,
    filters: (param: (value: unknown) => string) => string[],
    limit: number,
    cursor: string | null | undefined,
  ) => {
    const after = cursorKeyOf(cursor, ordering);
    return context.run(operation, async () => {
      const { values, param } = createParameters();
      const where = filters(param);
      if (after) {
        const matchedAt = param(after[0]);
        where.push(
          `(matched_at < ${matchedAt}::timestamptz OR (matched_at = ${matchedAt}::timestamptz AND id > ${param(after[1])}))`,
        );
      }
      const { rows } = await context.sql.query<MatchRow>(
        `SELECT ${columns} FROM ${tables.alertMatches} WHERE ${where.join(' AND ')}
         ORDER BY matched_at DESC, id LIMIT ${param(limit + 1)}`,
        values,
      );
      return toPage(rows, limit, ordering, (row) => [toIsoTimestamp(row.matched_at), row.id], fromRow);
    });
  };

  return {
    async recordMany(matches) {
      const parsed = parseStorageInput(AlertMatchesSchema, matches, {
        subject: 'alert matches',
        field: 'matches',
      });
      if (parsed.length === 0) return [];
      const records = parsed.map((match) => ({
        id: match.id,
        rule_id: match.ruleId,
        user_id: match.userId,
        listing_id: match.listingId,
        matched_at: match.matchedAt,
        source: match.source,
        reasons: match.reasons,
        position: 0,
      }));
      records.forEach((record, index) => {
        record.position = index;
      });
      return context.run('alertMatches.recordMany', async () => {
        // Rows are inserted in input order (`position`), so within one batch the first of two
        // duplicates wins, as it would in a loop; one statement keeps the call atomic.
        const { rows } = await context.sql.query<{ id: string; rule_id: string; listing_id: string }>(
          `INSERT INTO ${tables.alertMatches} (${columns})
           SELECT id, rule_id, user_id, listing_id, matched_at, source, reasons
           FROM jsonb_to_recordset($1::jsonb) AS r(
             id text, rule_id text, user_id text, listing_id text, matched_at timestamptz,
             source text, reasons jsonb, position integer)
           ORDER BY position
           ON CONFLICT DO NOTHING
           RETURNING id, rule_id, listing_id`,
          [JSON.stringify(records)],
        );
        const keyOf = (id: string, ruleId: string, listingId: string) =>
          JSON.stringify([id, ruleId, listingId]);
        const inserted = new Set(rows.map((row) => keyOf(row.id, row.rule_id, row.listing_id)));
        // Each inserted row is one input; `delete` hands it back once even if the batch repeated it.
        return parsed.filter((match) => inserted.delete(keyOf(match.id, match.ruleId, match.listingId)));
      });
    },

    async listByRule(ruleId, page) {
      const rule = parseStorageInput(LookupIdSchema, ruleId, { subject: 'rule id', field: 'ruleId' });
      const { limit, cursor } = parseStorageInput(PageRequestSchema, page, {
        subject: 'page request',
        field: 'page',
      });
      return list(
        'alertMatches.listByRule',
        byRuleOrdering,
        (param) => [`rule_id = ${param(rule)}`],
        limit,
        cursor,
      );
    },

    async listByUser(userId, page) {
      const user = parseStorageInput(LookupIdSchema, userId, { subject: 'user id', field: 'userId' });
      const { limit, cursor, since } = parseStorageInput(MatchesByUserSchema, page, {
        subject: 'page request',
        field: 'page',
      });
      return list(
        'alertMatches.listByUser',
        byUserOrdering,
        (param) => [
          `user_id = ${param(user)}`,
          ...(since === undefined ? [] : [`matched_at >= ${param(since)}::timestamptz`]),
        ],
        limit,
        cursor,
      );
    },

    async deleteByRule(ruleId) {
      const rule = parseStorageInput(LookupIdSchema, ruleId, { subject: 'rule id', field: 'ruleId' });
      return context.run('alertMatches.deleteByRule', async () => {
        const { rowCount } = await context.sql.query(
          `DELETE FROM ${tables.alertMatches} WHERE rule_id = $1`,
          [rule],
        );
        return rowCount;
      });
    },
  };
}
