import { type StateRepositoryV1, ValidationError } from '@deal-scout/core';
import { fromJson, toSafeInteger } from '../values/sql-values';
import { assertJsonSize, assertStorable } from '../values/storable-value';
import {
  maxStateValueBytes,
  parseStorageInput,
  StateKeySchema,
  StateSetOptionsSchema,
} from '../values/storage-inputs';
import type { RepositoryContext } from './repository-context';

/**
 * Versioned JSON state with compare-and-set, each write a single conditional statement. Versions
 * start at 1 and grow by one per write; `delete` keeps the row with a NULL value, so the version
 * keeps counting and a writer holding a version read before the delete cannot overwrite a newer
 * value by accident.
 */
export function createStateRepository(context: RepositoryContext): StateRepositoryV1 {
  const { tables } = context;
  return {
    async get(key) {
      const name = parseStorageInput(StateKeySchema, key, { subject: 'state key', field: 'key' });
      return context.run('state.get', async () => {
        const { rows } = await context.sql.query<{ value: unknown; version: unknown }>(
          `SELECT value, version FROM ${tables.state} WHERE key = $1 AND value IS NOT NULL`,
          [name],
        );
        const row = rows[0];
        return row ? { value: fromJson(row.value), version: toSafeInteger(row.version) } : null;
      });
    },

    async set(key, value, options) {
      const name = parseStorageInput(StateKeySchema, key, { subject: 'state key', field: 'key' });
      const expected = parseStorageInput(StateSetOptionsSchema, options, {
        subject: 'state options',
        field: 'options',
      })?.expectedVersion;
      if (value === undefined) {
        throw new ValidationError({
          issues: [{ field: 'value', message: 'must be a JSON value (use delete to remove a key)' }],
          subject: 'state value',
          source: 'storage',
        });
      }
      assertStorable(value, { subject: 'state value', json: true, field: 'value' });
      const json = JSON.stringify(value);
      assertJsonSize(json, { subject: 'state value', field: 'value', maxBytes: maxStateValueBytes });
      return context.run('state.set', async () => {
        const upsert = `INSERT INTO ${tables.state} AS s (key, value, version, updated_at)
          VALUES ($1, $2::jsonb, 1, now())
          ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = s.version + 1, updated_at = now()`;
        // With an expected version the key must exist, so that case is a plain conditional UPDATE.
        const statement =
          expected === undefined
            ? `${upsert} RETURNING s.version`
            : expected === null
              ? `${upsert} WHERE s.value IS NULL RETURNING s.version`
              : `UPDATE ${tables.state} SET value = $2::jsonb, version = version + 1, updated_at = now()
                 WHERE key = $1 AND value IS NOT NULL AND version = $3 RETURNING version`;
        const params = typeof expected === 'number' ? [name, json, expected] : [name, json];
        const { rows } = await context.sql.query<{ version: unknown }>(statement, params);
        return rows[0] ? toSafeInteger(rows[0].version) : null;
      });
    },

    async delete(key) {
      const name = parseStorageInput(StateKeySchema, key, { subject: 'state key', field: 'key' });
      return context.run('state.delete', async () => {
        const { rowCount } = await context.sql.query(
          `UPDATE ${tables.state} SET value = NULL, updated_at = now() WHERE key = $1 AND value IS NOT NULL`,
          [name],
        );
        return rowCount > 0;
      });
    },
  };
}
