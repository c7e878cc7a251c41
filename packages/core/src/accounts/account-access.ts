import { AuthenticationError } from '../errors/authentication-error';
import { DealScoutError } from '../errors/deal-scout-error';
import type { MarketplaceAccount } from '../listing/marketplace-account';
import type { MarketplaceTokenSetV1 } from '../marketplace/v1/marketplace-oauth-v1';
import type { MarketplaceAccessV1 } from '../marketplace/v1/marketplace-publish-v1';
import type { RuntimeContext } from '../runtime/runtime-context';
import { toAccountView } from './account-view';
import { callAdapterOnce } from './call-adapter';
import type { TokenVault } from './token-vault';

/** True for an `AuthenticationError` asking for re-authentication, from any copy of core. */
export function asksToReauthenticate(error: unknown): boolean {
  return (
    DealScoutError.isInstance(error) &&
    error.code === 'AUTHENTICATION_FAILED' &&
    (error as Partial<AuthenticationError>).reauthenticate === true
  );
}

/**
 * Hands an adapter call the decrypted credentials of one account, and only for that call:
 * refreshes tokens that are about to expire (where the adapter can), marks the account
 * `reauthentication_required` when they expired and cannot be refreshed or the marketplace refused
 * them, and re-encrypts under the current key when the account's envelope used an older one.
 */
export function createAccountAccess(options: {
  readonly context: RuntimeContext;
  readonly vault: () => TokenVault;
  readonly refreshSkewMs: number;
}) {
  const { context } = options;

  async function setStatus(
    account: MarketplaceAccount,
    status: MarketplaceAccount['status'],
  ): Promise<MarketplaceAccount> {
    if (account.status === status) return account;
    const updated = { ...account, status, updatedAt: context.now() };
    await context.storage.accounts.put(updated);
    context.logger.warn('marketplace account status changed', {
      accountId: account.id,
      marketplace: account.marketplace,
      status,
    });
    context.events.emit('account.status_changed', {
      account: toAccountView(updated),
      previousStatus: account.status,
    });
    return updated;
  }

  const needsReconnect = (account: MarketplaceAccount, why: string) =>
    new AuthenticationError({
      message: `${account.marketplace} account '${account.id}' must be connected again (${why})`,
      reauthenticate: true,
      source: 'accounts',
    });

  /** Marks an account whose non-refreshable token has expired; returns the (possibly updated) account. */
  async function markIfExpired(account: MarketplaceAccount): Promise<MarketplaceAccount> {
    if (account.status !== 'active' || account.accessTokenExpiresAt === null) return account;
    if (account.accessTokenExpiresAt > context.now()) return account;
    const adapter = context.marketplaces.get(account.marketplace);
    if (adapter?.oauth?.doRefresh) return account;
    return setStatus(account, 'reauthentication_required');
  }

  async function withAccess<T>(
    account: MarketplaceAccount,
    call: (access: MarketplaceAccessV1) => Promise<T>,
  ): Promise<T> {
    if (account.status !== 'active') throw needsReconnect(account, `status is ${account.status}`);
    const vault = options.vault();
    let current = account;
    let tokens: Awaited<ReturnType<TokenVault['open']>>;
    try {
      tokens = await vault.open(current.encryptedTokens, current.id);
    } catch (error) {
      await setStatus(current, 'reauthentication_required');
      throw error;
    }
    const now = context.clock.now().getTime();
    const expiresAt = current.accessTokenExpiresAt === null ? null : Date.parse(current.accessTokenExpiresAt);
    if (expiresAt !== null && expiresAt - now <= options.refreshSkewMs) {
      const adapter = context.marketplaces.get(current.marketplace);
      const refresh = adapter?.oauth?.doRefresh?.bind(adapter.oauth);
      const refreshUsable =
        tokens.refreshToken !== undefined &&
        (tokens.refreshTokenExpiresAt == null || Date.parse(tokens.refreshTokenExpiresAt) > now);
      if (refresh && refreshUsable) {
        const previous: MarketplaceTokenSetV1 = {
          accessToken: tokens.accessToken,
          accessTokenExpiresAt: current.accessTokenExpiresAt,
          ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
          ...(tokens.refreshTokenExpiresAt !== undefined
            ? { refreshTokenExpiresAt: tokens.refreshTokenExpiresAt }
            : {}),
          scopes: current.scopes,
          externalAccountId: current.externalAccountId,
        };
        let renewed: MarketplaceTokenSetV1;
        try {
          renewed = await callAdapterOnce(current.marketplace, 'refresh', () =>
            refresh({ tokens: previous }),
          );
        } catch (error) {
          if (asksToReauthenticate(error) || (DealScoutError.isInstance(error) && !error.isRetryable)) {
            await setStatus(current, 'reauthentication_required');
          }
          throw error;
        }
        tokens = {
          accessToken: renewed.accessToken,
          ...((renewed.refreshToken ?? tokens.refreshToken)
            ? { refreshToken: renewed.refreshToken ?? tokens.refreshToken }
            : {}),
          refreshTokenExpiresAt: renewed.refreshTokenExpiresAt ?? tokens.refreshTokenExpiresAt ?? null,
        };
        current = {
          ...current,
          encryptedTokens: await vault.seal(tokens, current.id),
          accessTokenExpiresAt: renewed.accessTokenExpiresAt,
          scopes: renewed.scopes.length > 0 ? [...renewed.scopes] : current.scopes,
          updatedAt: context.now(),
        };
        await context.storage.accounts.put(current);
        context.logger.info('marketplace tokens refreshed', {
          accountId: current.id,
          marketplace: current.marketplace,
        });
      } else if (expiresAt <= now) {
        await setStatus(current, 'reauthentication_required');
        throw needsReconnect(current, 'its access token expired and the marketplace issues no refresh token');
      }
    }
    if (vault.needsRotation(current.encryptedTokens)) {
      current = {
        ...current,
        encryptedTokens: await vault.seal(tokens, current.id),
        updatedAt: context.now(),
      };
      await context.storage.accounts.put(current);
    }
    try {
      return await call({
        accountId: current.id,
        externalAccountId: current.externalAccountId,
        accessToken: tokens.accessToken,
        marketplaceData: current.marketplaceData,
      });
    } catch (error) {
      if (asksToReauthenticate(error)) {
        const latest = (await context.storage.accounts.get(current.id)) ?? current;
        await setStatus(latest, 'reauthentication_required');
      }
      throw error;
    }
  }

  return { withAccess, setStatus, markIfExpired };
}

export type AccountAccess = ReturnType<typeof createAccountAccess>;
