import type { MarketplaceAccount } from '../listing/marketplace-account';
import type { MarketplaceAccessV1 } from '../marketplace/v1/marketplace-publish-v1';
import type { RuntimeContext } from '../runtime/runtime-context';
import type { AccountAccess } from './account-access';

/**
 * How a cross-post reaches a marketplace for a seller: through the seller's connected account on
 * OAuth marketplaces, or, where the adapter has no OAuth (a host transport posts for it), with the
 * seller's id as the account id and no token.
 */
export type SellerTarget =
  | { readonly kind: 'account'; readonly account: MarketplaceAccount }
  | { readonly kind: 'host'; readonly sellerId: string }
  | { readonly kind: 'missing'; readonly reason: string };

/** Picks the seller's active account on a marketplace (the most recently connected one). */
export async function resolveSellerTarget(
  context: RuntimeContext,
  sellerId: string,
  marketplace: string,
): Promise<SellerTarget> {
  const adapter = context.marketplaces.get(marketplace);
  if (!adapter?.capabilities.oauth) return { kind: 'host', sellerId };
  const accounts = (await context.storage.accounts.listByUser(sellerId)).filter(
    (account) => account.marketplace === marketplace,
  );
  const active = accounts.filter((account) => account.status === 'active').at(-1);
  if (active) return { kind: 'account', account: active };
  return {
    kind: 'missing',
    reason:
      accounts.length > 0
        ? `the ${marketplace} account must be connected again`
        : `no connected ${marketplace} account`,
  };
}

/** Runs `call` with the credentials of a resolved target. */
export function withTargetAccess<T>(
  access: AccountAccess,
  target: Exclude<SellerTarget, { kind: 'missing' }>,
  call: (credentials: MarketplaceAccessV1) => Promise<T>,
): Promise<T> {
  if (target.kind === 'account') return access.withAccess(target.account, call);
  return call({
    accountId: target.sellerId,
    externalAccountId: target.sellerId,
    accessToken: '',
    marketplaceData: {},
  });
}

/** The target for an existing listing: the account that posted it, or the host transport. */
export async function targetForRecord(
  context: RuntimeContext,
  marketplace: string,
  accountId: string | null,
  sellerId: string,
): Promise<SellerTarget> {
  if (accountId === null || !context.marketplaces.get(marketplace)?.capabilities.oauth)
    return { kind: 'host', sellerId };
  const account = await context.storage.accounts.get(accountId);
  return account
    ? { kind: 'account', account }
    : { kind: 'missing', reason: 'the account that posted it is gone' };
}
