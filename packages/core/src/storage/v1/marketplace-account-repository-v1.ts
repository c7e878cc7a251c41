import type { MarketplaceAccount } from '../../listing/marketplace-account';

/** Connected marketplace accounts; tokens are stored only in their encrypted envelope. */
export type MarketplaceAccountRepositoryV1 = {
  /** Inserts or replaces an account by id; (marketplace, externalAccountId, userId) is unique. */
  put(account: MarketplaceAccount): Promise<void>;
  get(id: string): Promise<MarketplaceAccount | null>;
  listByUser(userId: string): Promise<MarketplaceAccount[]>;
  /** Every account linked to a marketplace account id (for deletion notices). */
  findByExternalId(marketplace: string, externalAccountId: string): Promise<MarketplaceAccount[]>;
  delete(id: string): Promise<boolean>;
};
