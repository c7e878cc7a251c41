import type { OutboxEntry, OutboxRepositoryV1 } from '@deal-scout/core';
import { createParameters, cursorKeyOf, type KeysetOrdering, toPage } from '../values/keyset-page';
import { fromJson, toIsoTimestamp, toIsoTimestampOrNull, toSafeInteger } from '../values/sql-values';
import { assertJsonSize } from '../values/storable-value';
import {
  CancelPendingSchema,
  ClaimOptionsSchema,
  LookupIdSchema,
  MarkFailedSchema,
  MarkSentSchema,
  maxOutboxPayloadBytes,
  NewOutboxEntriesSchema,
  NowSchema,
  OutboxListSchema,
  parseStorageInput,
  ReleaseSchema,
} from '../values/storage-inputs';
import type { RepositoryContext } from './repository-context';

const listOrdering: KeysetOrdering = { name: 'outbox.updated', kinds: ['timestamp', 'string'] };

const columns = `id, dedupe_key, user_id, channel, payload, status, attempts, available_at, claimed_by,
  claim_expires_at, provider_message_id, last_error, created_at, updated_at`;

type OutboxRow = {
  id: string;
  dedupe_key: string;
  user_id: string;
  channel: OutboxEntry['channel'];
  payload: unknown;
  status: OutboxEntry['status'];
  attempts: unknown;
  available_at: unknown;
  claimed_by: string | null;
  claim_expires_at: unknown;
  provider_message_id: string | null;
  last_error: string | null;
  created_at: unknown;
  updated_at: unknown;
};

function fromRow(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    dedupeKey: row.dedupe_key,
    userId: row.user_id,
    channel: row.channel,
    payload: fromJson<Record<string, unknown>>(row.payload),
    status: row.status,
    attempts: toSafeInteger(row.attempts),
    availableAt: toIsoTimestamp(row.available_at),
    claimedBy: row.claimed_by,
    claimExpiresAt: toIsoTimestampOrNull(row.claim_expires_at),
    providerMessageId: row.provider_message_id,
    lastError: row.last_error,
    createdAt: toIsoTimestamp(row.created_at),
    updatedAt: toIsoTimestamp(row.updated_at),
  };
}

/** Claim order: due time, then age, then id, as the reference storage orders it. */
const claimOrder = (a: OutboxEntry, b: OutboxEntry) =>
  a.availableAt.localeCompare(b.availableAt) ||
  a.createdAt.localeCompare(b.createdAt) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The durable notification outbox. `claim` selects due entries with `FOR UPDATE SKIP LOCKED` and
 * leases them in the same statement, so concurrent dispatchers (processes or machines) each get
 * different entries and never wait on one another. Settling (`markSent`, `release`, `markFailed`)
 * is a conditional update that only the lease holder's call matches.
 */
export function createOutboxRepository(context: RepositoryContext): OutboxRepositoryV1 {
  const { tables } = context;

  /** Settles an entry leased to `workerId`; false when it is not (any more). */
  const settle = async (operation: string, assignments: string, params: unknown[]) =>
    context.run(operation, async () => {
      const { rowCount } = await context.sql.query(
        `UPDATE ${tables.outbox} SET ${assignments}, claimed_by = NULL, claim_expires_at = NULL
         WHERE id = $1 AND status = 'claimed' AND claimed_by = $2`,
        params,
      );
      return rowCount > 0;
    });

  return {
    async enqueueMany(entries, options) {
      const parsed = parseStorageInput(NewOutboxEntriesSchema, entries, {
        subject: 'outbox entries',
        field: 'entries',
        json: true,
      });
      const { now } = parseStorageInput(NowSchema, options, { subject: 'enqueue options', field: 'options' });
      if (parsed.length === 0) return [];
      const records = parsed.map((entry, position) => {
        const payload = JSON.stringify(entry.payload);
        assertJsonSize(payload, {
          subject: 'outbox entries',
          field: `entries[${position}].payload`,
          maxBytes: maxOutboxPayloadBytes,
        });
        return {
          id: entry.id,
          dedupe_key: entry.dedupeKey,
          user_id: entry.userId,
          channel: entry.channel,
          payload: entry.payload,
          available_at: entry.availableAt,
          position,
        };
      });
      return context.run('outbox.enqueueMany', async () => {
        // Input order decides which of two duplicates in one batch is written; one statement keeps
        // the call atomic, and the unique dedupe key makes a concurrent enqueue a no-op.
        const { rows } = await context.sql.query<OutboxRow>(
          `INSERT INTO ${tables.outbox} (id, dedupe_key, user_id, channel, payload, status, attempts,
             available_at, created_at, updated_at)
           SELECT id, dedupe_key, user_id, channel, payload, 'pending', 0, available_at,
             $2::timestamptz, $2::timestamptz
           FROM jsonb_to_recordset($1::jsonb) AS r(
             id text, dedupe_key text, user_id text, channel text, payload jsonb,
             available_at timestamptz, position integer)
           ORDER BY position
           ON CONFLICT DO NOTHING
           RETURNING ${columns}`,
          [JSON.stringify(records), now],
        );
        const position = new Map(records.map((record) => [record.dedupe_key, record.position]));
        return rows
          .map(fromRow)
          .sort((a, b) => (position.get(a.dedupeKey) ?? 0) - (position.get(b.dedupeKey) ?? 0));
      });
    },

    async claim(options) {
      const { workerId, now, leaseMs, limit, channels } = parseStorageInput(ClaimOptionsSchema, options, {
        subject: 'claim options',
        field: 'options',
      });
      const expiresAt = new Date(Date.parse(now) + leaseMs).toISOString();
      return context.run('outbox.claim', async () => {
        const { rows } = await context.sql.query<OutboxRow>(
          `WITH due AS (
             SELECT id FROM ${tables.outbox}
             WHERE ((status = 'pending' AND available_at <= $1::timestamptz)
                 OR (status = 'claimed' AND claim_expires_at <= $1::timestamptz))
               AND ($5::text[] IS NULL OR channel = ANY($5::text[]))
             ORDER BY available_at, created_at, id
             LIMIT $4
             FOR UPDATE SKIP LOCKED
           )
           UPDATE ${tables.outbox} AS o
           SET status = 'claimed', attempts = o.attempts + 1, claimed_by = $2,
               claim_expires_at = $3::timestamptz, updated_at = $1::timestamptz
           FROM due WHERE o.id = due.id
           RETURNING ${columns
             .split(',')
             .map((column) => `o.${column.trim()}`)
             .join(', ')}`,
          [now, workerId, expiresAt, limit, channels ?? null],
        );
        return rows.map(fromRow).sort(claimOrder);
      });
    },

    async markSent(id, options) {
      const entryId = parseStorageInput(LookupIdSchema, id, { subject: 'outbox id', field: 'id' });
      const { workerId, now, providerMessageId } = parseStorageInput(MarkSentSchema, options, {
        subject: 'settle options',
        field: 'options',
      });
      return settle(
        'outbox.markSent',
        `status = 'sent', provider_message_id = $3, last_error = NULL, updated_at = $4::timestamptz`,
        [entryId, workerId, providerMessageId, now],
      );
    },

    async release(id, options) {
      const entryId = parseStorageInput(LookupIdSchema, id, { subject: 'outbox id', field: 'id' });
      const { workerId, now, availableAt, error } = parseStorageInput(ReleaseSchema, options, {
        subject: 'settle options',
        field: 'options',
      });
      return settle(
        'outbox.release',
        `status = 'pending', available_at = $3::timestamptz, last_error = $4, updated_at = $5::timestamptz`,
        [entryId, workerId, availableAt, error, now],
      );
    },

    async markFailed(id, options) {
      const entryId = parseStorageInput(LookupIdSchema, id, { subject: 'outbox id', field: 'id' });
      const { workerId, now, error } = parseStorageInput(MarkFailedSchema, options, {
        subject: 'settle options',
        field: 'options',
      });
      return settle('outbox.markFailed', `status = 'failed', last_error = $3, updated_at = $4::timestamptz`, [
        entryId,
        workerId,
        error,
        now,
      ]);
    },

    async cancelPending(options) {
      const { userId, channel, now } = parseStorageInput(CancelPendingSchema, options, {
        subject: 'cancel options',
        field: 'options',
      });
      return context.run('outbox.cancelPending', async () => {
        const { rowCount } = await context.sql.query(
          `UPDATE ${tables.outbox} SET status = 'cancelled', updated_at = $3::timestamptz
           WHERE status = 'pending' AND user_id = $1 AND channel = $2`,
          [userId, channel, now],
        );
        return rowCount;
      });
    },

    async get(id) {
      const entryId = parseStorageInput(LookupIdSchema, id, { subject: 'outbox id', field: 'id' });
      return context.run('outbox.get', async () => {
        const { rows } = await context.sql.query<OutboxRow>(
          `SELECT ${columns} FROM ${tables.outbox} WHERE id = $1`,
          [entryId],
        );
        return rows[0] ? fromRow(rows[0]) : null;
      });
    },

    async list(query) {
      const { limit, cursor, userId, statuses } = parseStorageInput(OutboxListSchema, query, {
        subject: 'outbox query',
        field: 'query',
      });
      const after = cursorKeyOf(cursor, listOrdering);
      return context.run('outbox.list', async () => {
        const { values, param } = createParameters();
        const where: string[] = [];
        if (userId !== undefined) where.push(`user_id = ${param(userId)}`);
        if (statuses) where.push(`status = ANY(${param(statuses)}::text[])`);
        if (after) {
          const updatedAt = param(after[0]);
          where.push(
            `(updated_at < ${updatedAt}::timestamptz OR (updated_at = ${updatedAt}::timestamptz AND id > ${param(after[1])}))`,
          );
        }
        const { rows } = await context.sql.query<OutboxRow>(
          `SELECT ${columns} FROM ${tables.outbox} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
           ORDER BY updated_at DESC, id LIMIT ${param(limit + 1)}`,
          values,
        );
        return toPage(rows, limit, listOrdering, (row) => [toIsoTimestamp(row.updated_at), row.id], fromRow);
      });
    },
  };
}
