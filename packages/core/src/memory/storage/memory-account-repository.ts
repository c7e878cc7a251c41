import { ConflictError } from '../../errors/conflict-error';
import type { MarketplaceAccount } from '../../listing/marketplace-account';
import type { MarketplaceAccountRepositoryV1 } from '../../storage/v1/marketplace-account-repository-v1';
import { compareKeys } from './paging';

const byConnectedAt = (a: MarketplaceAccount, b: MarketplaceAccount) =>
  compareKeys([a.connectedAt, a.id], [b.connectedAt, b.id], ['asc', 'asc']);

/**
 * Connected marketplace accounts. (marketplace, externalAccountId, userId) is unique: putting a
 * second account id for the same triple throws `ConflictError`. Lists are oldest connection first.
 */
export function createMemoryAccountRepository(): MarketplaceAccountRepositoryV1 {
  const rows = new Map<string, MarketplaceAccount>();
  return {
    async put(account) {
      for (const other of rows.values()) {
        if (
          other.id !== account.id &&
          other.marketplace === account.marketplace &&
          other.externalAccountId === account.externalAccountId &&
          other.userId === account.userId
        ) {
          throw new ConflictError({
            message: `user '${account.userId}' already connected this ${account.marketplace} account as '${other.id}'`,
            source: 'storage',
          });
        }
      }
      rows.set(account.id, structuredClone(account));
    },
    async get(id) {
      const account = rows.get(id);
      return account ? structuredClone(account) : null;
    },
    async listByUser(userId) {
      return structuredClone(
        [...rows.values()].filter((account) => account.userId === userId).sort(byConnectedAt),
      );
    },
    async findByExternalId(marketplace, externalAccountId) {
      return structuredClone(
        [...rows.values()]
          .filter(
            (account) =>
              account.marketplace === marketplace && account.externalAccountId === externalAccountId,
          )
          .sort(byConnectedAt),
      );
    },
    async delete(id) {
      return rows.delete(id);
    },
  };
}
