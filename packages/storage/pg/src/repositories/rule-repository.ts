import {
  ConflictError,
  type DealAlertRule,
  LimitExceededError,
  NotFoundError,
  type RuleRepositoryV1,
} from '@deal-scout/core';
import { createParameters, cursorKeyOf, type KeysetOrdering, toPage } from '../values/keyset-page';
import { fromJson, toIsoTimestamp, toIsoTimestampOrNull, toSafeInteger } from '../values/sql-values';
import {
  CreateRuleOptionsSchema,
  LookupIdSchema,
  LookupIdsSchema,
  PageRequestSchema,
  parseStorageInput,
  RuleSchema,
  StorableTimestampSchema,
} from '../values/storage-inputs';
import type { RepositoryContext } from './repository-context';

const byUserOrdering: KeysetOrdering = { name: 'rules.user', kinds: ['timestamp', 'string'] };
const enabledOrdering: KeysetOrdering = { name: 'rules.enabled', kinds: ['string'] };
const updatedOrdering: KeysetOrdering = { name: 'rules.updated', kinds: ['timestamp', 'string'] };

const columns = 'id, user_id, enabled, created_at, updated_at, last_triggered_at, doc';

type RuleRow = {
  id: string;
  user_id: string;
  enabled: boolean;
  created_at: unknown;
  updated_at: unknown;
  last_triggered_at: unknown;
  doc: unknown;
};

type RuleDocument = Omit<
  DealAlertRule,
  'id' | 'userId' | 'enabled' | 'createdAt' | 'updatedAt' | 'lastTriggeredAt'
>;

function toParameters(rule: DealAlertRule): unknown[] {
  const { id, userId, enabled, createdAt, updatedAt, lastTriggeredAt, ...rest } = rule;
  return [id, userId, enabled, createdAt, updatedAt, lastTriggeredAt, JSON.stringify(rest)];
}

function fromRow(row: RuleRow): DealAlertRule {
  return {
    ...fromJson<RuleDocument>(row.doc),
    id: row.id,
    userId: row.user_id,
    enabled: row.enabled,
    createdAt: toIsoTimestamp(row.created_at),
    updatedAt: toIsoTimestamp(row.updated_at),
    lastTriggeredAt: toIsoTimestampOrNull(row.last_triggered_at),
  };
}

/**
 * Deal alert rules: the indexed fields as columns, name, criteria and channels as `jsonb`.
 * `create` with a per-user limit serialises one user's creates on a transaction-scoped advisory
 * lock, so the count and the insert cannot interleave with another create.
 */
export function createRuleRepository(context: RepositoryContext): RuleRepositoryV1 {
  const { tables } = context;
  const insert = `INSERT INTO ${tables.rules} (${columns})
    VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz, $6::timestamptz, $7::jsonb)
    ON CONFLICT (id) DO NOTHING`;
  const conflict = (id: string) =>
    new ConflictError({ message: `rule '${id}' already exists`, source: 'storage' });

  const page = async (
    operation: string,
    ordering: KeysetOrdering,
    filter: (param: (value: unknown) => string) => string,
    request: unknown,
    keyOf: (row: RuleRow) => (string | number)[],
    orderBy: string,
    afterClause: (param: (value: unknown) => string, key: readonly (string | number)[]) => string,
  ) => {
    const { limit, cursor } = parseStorageInput(PageRequestSchema, request, {
      subject: 'page request',
      field: 'page',
    });
    const after = cursorKeyOf(cursor, ordering);
    return context.run(operation, async () => {
      const { values, param } = createParameters();
      const where = [filter(param)];
      if (after) where.push(afterClause(param, after));
      const { rows } = await context.sql.query<RuleRow>(
        `SELECT ${columns} FROM ${tables.rules} WHERE ${where.join(' AND ')}
         ORDER BY ${orderBy} LIMIT ${param(limit + 1)}`,
        values,
      );
      return toPage(rows, limit, ordering, keyOf, fromRow);
    });
  };

  return {
    async create(rule, options) {
      const parsed = parseStorageInput(RuleSchema, rule, { subject: 'rule', field: 'rule' });
      const max = parseStorageInput(CreateRuleOptionsSchema, options, {
        subject: 'rule options',
        field: 'options',
      })?.maxRulesForUser;
      await context.run('rules.create', async () => {
        if (max === undefined) {
          const { rowCount } = await context.sql.query(insert, toParameters(parsed));
          if (rowCount === 0) throw conflict(parsed.id);
          return;
        }
        await context.transaction(async (tx) => {
          await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [
            `${tables.rules} per user`,
            parsed.userId,
          ]);
          const { rows } = await tx.query<{ taken: boolean; count: unknown }>(
            `SELECT EXISTS (SELECT 1 FROM ${tables.rules} WHERE id = $1) AS taken,
                    (SELECT count(*) FROM ${tables.rules} WHERE user_id = $2) AS count`,
            [parsed.id, parsed.userId],
          );
          if (rows[0]?.taken) throw conflict(parsed.id);
          if (toSafeInteger(rows[0]?.count ?? 0) >= max) {
            throw new LimitExceededError({
              message: `user '${parsed.userId}' already has the maximum of ${max} rules`,
              limit: max,
              source: 'storage',
            });
          }
          const { rowCount } = await tx.query(insert, toParameters(parsed));
          if (rowCount === 0) throw conflict(parsed.id);
        });
      });
    },

    async get(id) {
      const lookup = parseStorageInput(LookupIdSchema, id, { subject: 'rule id', field: 'id' });
      return context.run('rules.get', async () => {
        const { rows } = await context.sql.query<RuleRow>(
          `SELECT ${columns} FROM ${tables.rules} WHERE id = $1`,
          [lookup],
        );
        return rows[0] ? fromRow(rows[0]) : null;
      });
    },

    async update(rule) {
      const parsed = parseStorageInput(RuleSchema, rule, { subject: 'rule', field: 'rule' });
      await context.run('rules.update', async () => {
        const { rowCount } = await context.sql.query(
          `UPDATE ${tables.rules} SET user_id = $2, enabled = $3, created_at = $4::timestamptz,
             updated_at = $5::timestamptz, last_triggered_at = $6::timestamptz, doc = $7::jsonb
           WHERE id = $1`,
          toParameters(parsed),
        );
        if (rowCount === 0) throw new NotFoundError({ resource: 'rule', id: parsed.id, source: 'storage' });
      });
    },

    async delete(id) {
      const lookup = parseStorageInput(LookupIdSchema, id, { subject: 'rule id', field: 'id' });
      return context.run('rules.delete', async () => {
        const { rowCount } = await context.sql.query(`DELETE FROM ${tables.rules} WHERE id = $1`, [lookup]);
        return rowCount > 0;
      });
    },

    async listByUser(userId, request) {
      const user = parseStorageInput(LookupIdSchema, userId, { subject: 'user id', field: 'userId' });
      return page(
        'rules.listByUser',
        byUserOrdering,
        (param) => `user_id = ${param(user)}`,
        request,
        (row) => [toIsoTimestamp(row.created_at), row.id],
        'created_at, id',
        (param, key) => `(created_at, id) > (${param(key[0])}::timestamptz, ${param(key[1])})`,
      );
    },

    async countByUser(userId) {
      const user = parseStorageInput(LookupIdSchema, userId, { subject: 'user id', field: 'userId' });
      return context.run('rules.countByUser', async () => {
        const { rows } = await context.sql.query<{ count: unknown }>(
          `SELECT count(*) AS count FROM ${tables.rules} WHERE user_id = $1`,
          [user],
        );
        return toSafeInteger(rows[0]?.count ?? 0);
      });
    },

    async listEnabled(request) {
      return page(
        'rules.listEnabled',
        enabledOrdering,
        () => 'enabled',
        request,
        (row) => [row.id],
        'id',
        (param, key) => `id > ${param(key[0])}`,
      );
    },

    async listUpdatedSince(since, request) {
      const from = parseStorageInput(StorableTimestampSchema, since, { subject: 'since', field: 'since' });
      return page(
        'rules.listUpdatedSince',
        updatedOrdering,
        (param) => `updated_at >= ${param(from)}::timestamptz`,
        request,
        (row) => [toIsoTimestamp(row.updated_at), row.id],
        'updated_at, id',
        (param, key) => `(updated_at, id) > (${param(key[0])}::timestamptz, ${param(key[1])})`,
      );
    },

    async markTriggered(ids, at) {
      const lookup = parseStorageInput(LookupIdsSchema, ids, { subject: 'rule ids', field: 'ids' });
      const when = parseStorageInput(StorableTimestampSchema, at, { subject: 'trigger time', field: 'at' });
      if (lookup.length === 0) return;
      await context.run('rules.markTriggered', () =>
        context.sql.query(
          `UPDATE ${tables.rules} SET last_triggered_at = $2::timestamptz WHERE id = ANY($1::text[])`,
          [lookup, when],
        ),
      );
    },
  };
}
