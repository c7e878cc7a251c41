import {
  ConflictError,
  type MarketplaceAccount,
  type MarketplaceAccountRepositoryV1,
} from '@deal-scout/core';
import { isUniqueViolation } from '../errors/is-unique-violation';
import { fromJson, toIsoTimestamp, toIsoTimestampOrNull } from '../values/sql-values';
import { AccountSchema, LookupIdSchema, parseStorageInput } from '../values/storage-inputs';
import type { RepositoryContext } from './repository-context';

const columns = `id, user_id, marketplace, external_account_id, status, encrypted_tokens,
  access_token_expires_at, connected_at, updated_at, doc`;

type AccountRow = {
  id: string;
  user_id: string;
  marketplace: string;
  external_account_id: string;
  status: MarketplaceAccount['status'];
  encrypted_tokens: string;
  access_token_expires_at: unknown;
  connected_at: unknown;
  updated_at: unknown;
  doc: unknown;
};

type AccountDocument = Pick<MarketplaceAccount, 'displayName' | 'scopes' | 'marketplaceData'>;

function fromRow(row: AccountRow): MarketplaceAccount {
  return {
    ...fromJson<AccountDocument>(row.doc),
    id: row.id,
    userId: row.user_id,
    marketplace: row.marketplace,
    externalAccountId: row.external_account_id,
    status: row.status,
    accessTokenExpiresAt: toIsoTimestampOrNull(row.access_token_expires_at),
    encryptedTokens: row.encrypted_tokens,
    connectedAt: toIsoTimestamp(row.connected_at),
    updatedAt: toIsoTimestamp(row.updated_at),
  };
}

/**
 * Connected marketplace accounts. Tokens arrive already encrypted (the runtime's token vault) and
 * are stored only as that envelope; error messages never repeat them. A unique constraint makes
 * (marketplace, external account, user) one account, whichever id it is put under.
 */
export function createAccountRepository(context: RepositoryContext): MarketplaceAccountRepositoryV1 {
  const { tables } = context;
  return {
    async put(account) {
      const parsed = parseStorageInput(AccountSchema, account, {
        subject: 'marketplace account',
        field: 'account',
      });
      const { displayName, scopes, marketplaceData } = parsed;
      await context.run('accounts.put', async () => {
        try {
          await context.sql.query(
            `INSERT INTO ${tables.accounts} (${columns})
             VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8::timestamptz, $9::timestamptz, $10::jsonb)
             ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, marketplace = excluded.marketplace,
               external_account_id = excluded.external_account_id, status = excluded.status,
               encrypted_tokens = excluded.encrypted_tokens,
               access_token_expires_at = excluded.access_token_expires_at,
               connected_at = excluded.connected_at, updated_at = excluded.updated_at, doc = excluded.doc`,
            [
              parsed.id,
              parsed.userId,
              parsed.marketplace,
              parsed.externalAccountId,
              parsed.status,
              parsed.encryptedTokens,
              parsed.accessTokenExpiresAt,
              parsed.connectedAt,
              parsed.updatedAt,
              JSON.stringify({ displayName, scopes, marketplaceData }),
            ],
          );
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          throw new ConflictError({
            message: `user '${parsed.userId}' already connected this ${parsed.marketplace} account under another id`,
            source: 'storage',
          });
        }
      });
    },

    async get(id) {
      const lookup = parseStorageInput(LookupIdSchema, id, { subject: 'account id', field: 'id' });
      return context.run('accounts.get', async () => {
        const { rows } = await context.sql.query<AccountRow>(
          `SELECT ${columns} FROM ${tables.accounts} WHERE id = $1`,
          [lookup],
        );
        return rows[0] ? fromRow(rows[0]) : null;
      });
    },

    async listByUser(userId) {
      const user = parseStorageInput(LookupIdSchema, userId, { subject: 'user id', field: 'userId' });
      return context.run('accounts.listByUser', async () => {
        const { rows } = await context.sql.query<AccountRow>(
          `SELECT ${columns} FROM ${tables.accounts} WHERE user_id = $1 ORDER BY connected_at, id`,
          [user],
        );
        return rows.map(fromRow);
      });
    },

    async findByExternalId(marketplace, externalAccountId) {
      const market = parseStorageInput(LookupIdSchema, marketplace, {
        subject: 'marketplace',
        field: 'marketplace',
      });
      const external = parseStorageInput(LookupIdSchema, externalAccountId, {
        subject: 'external account id',
        field: 'externalAccountId',
      });
      return context.run('accounts.findByExternalId', async () => {
        const { rows } = await context.sql.query<AccountRow>(
          `SELECT ${columns} FROM ${tables.accounts}
           WHERE marketplace = $1 AND external_account_id = $2 ORDER BY connected_at, id`,
          [market, external],
        );
        return rows.map(fromRow);
      });
    },

    async delete(id) {
      const lookup = parseStorageInput(LookupIdSchema, id, { subject: 'account id', field: 'id' });
      return context.run('accounts.delete', async () => {
        const { rowCount } = await context.sql.query(`DELETE FROM ${tables.accounts} WHERE id = $1`, [
          lookup,
        ]);
        return rowCount > 0;
      });
    },
  };
}
