import { z } from 'zod';
import { NotFoundError } from '../errors/not-found-error';
import { UnsupportedCapabilityError } from '../errors/unsupported-capability-error';
import type { MarketplaceAccount, MarketplaceAccountView } from '../listing/marketplace-account';
import type { MarketplaceAdapterV1 } from '../marketplace/v1/marketplace-adapter-v1';
import type { RuntimeContext } from '../runtime/runtime-context';
import { createId, IdSchema, SlugSchema } from '../shared/ids';
import { parseInput } from '../shared/parse-input';
import type { AccountAccess } from './account-access';
import { toAccountView } from './account-view';
import { callAdapterOnce } from './call-adapter';
import { createOAuthStateStore } from './oauth-state-store';
import { createOAuthState, createPkcePair } from './pkce';
import type { TokenVault } from './token-vault';

const StartSchema = z.object({
  userId: IdSchema,
  marketplace: SlugSchema,
  /** Where the marketplace sends the user back (eBay: the RuName). */
  redirectUri: z.string().min(1).max(2048),
  scopes: z.array(z.string().min(1).max(300)).max(50).optional(),
});

const CallbackSchema = z.object({
  marketplace: SlugSchema,
  state: z.string().min(16).max(200),
  code: z.string().min(1).max(4096),
});

/** What the host redirects the user to, and until when the `state` is valid. */
export type ConnectStart = { readonly url: string; readonly state: string; readonly expiresAt: string };

/** Connect (OAuth start and callback), disconnect and list a user's marketplace accounts. */
export function createAccountConnections(options: {
  readonly context: RuntimeContext;
  readonly vault: () => TokenVault;
  readonly access: AccountAccess;
  readonly stateTtlMs: number;
}) {
  const { context, access } = options;
  const states = createOAuthStateStore(context.storage.state);

  const oauthOf = (marketplace: string): NonNullable<MarketplaceAdapterV1['oauth']> => {
    const adapter = context.marketplaces.get(marketplace);
    if (!adapter) throw new NotFoundError({ resource: 'marketplace', id: marketplace });
    if (!adapter.capabilities.oauth || !adapter.oauth) {
      throw new UnsupportedCapabilityError({ capability: 'oauth', source: marketplace });
    }
    return adapter.oauth;
  };

  return {
    /**
     * Starts connecting an account: stores a single-use `state` (and the PKCE verifier, where the
     * marketplace supports PKCE) server-side and returns the consent URL.
     */
    async connect(input: z.input<typeof StartSchema>): Promise<ConnectStart> {
      const request = parseInput(StartSchema, input, { subject: 'connect request' });
      const oauth = oauthOf(request.marketplace);
      options.vault();
      const state = createOAuthState();
      const pkce = oauth.supportsPkce ? await createPkcePair() : null;
      const expiresAt = new Date(context.clock.now().getTime() + options.stateTtlMs).toISOString();
      const url = await callAdapterOnce(request.marketplace, 'createAuthorizationUrl', async () =>
        oauth.createAuthorizationUrl({
          state,
          redirectUri: request.redirectUri,
          ...(pkce ? { codeChallenge: pkce.challenge } : {}),
          ...(request.scopes ? { scopes: request.scopes } : {}),
        }),
      );
      await states.save(state, {
        userId: request.userId,
        marketplace: request.marketplace,
        redirectUri: request.redirectUri,
        ...(pkce ? { codeVerifier: pkce.verifier } : {}),
        expiresAt,
      });
      return { url, state, expiresAt };
    },

    /**
     * Completes the callback: checks and consumes `state`, exchanges the code, encrypts the tokens and
     * stores the account (reconnecting an existing one reactivates it). Throws `AuthenticationError`
     * for an unknown, used or expired state and when the marketplace refuses the code; nothing is stored then.
     */
    async handleCallback(input: z.input<typeof CallbackSchema>): Promise<MarketplaceAccountView> {
      const callback = parseInput(CallbackSchema, input, { subject: 'OAuth callback' });
      const oauth = oauthOf(callback.marketplace);
      const vault = options.vault();
      const pending = await states.consume(callback.state, callback.marketplace, context.now());
      const tokens = await callAdapterOnce(callback.marketplace, 'exchangeCode', () =>
        oauth.doExchangeCode({
          code: callback.code,
          redirectUri: pending.redirectUri,
          ...(pending.codeVerifier ? { codeVerifier: pending.codeVerifier } : {}),
        }),
      );
      const existing = (
        await context.storage.accounts.findByExternalId(callback.marketplace, tokens.externalAccountId)
      ).find((account) => account.userId === pending.userId);
      const id = existing?.id ?? createId('acct');
      const now = context.now();
      const account: MarketplaceAccount = {
        id,
        userId: pending.userId,
        marketplace: callback.marketplace,
        externalAccountId: tokens.externalAccountId,
        ...((tokens.displayName ?? existing?.displayName)
          ? { displayName: tokens.displayName ?? existing?.displayName }
          : {}),
        scopes: [...tokens.scopes],
        status: 'active',
        accessTokenExpiresAt: tokens.accessTokenExpiresAt,
        encryptedTokens: await vault.seal(
          {
            accessToken: tokens.accessToken,
            ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
            ...(tokens.refreshTokenExpiresAt !== undefined
              ? { refreshTokenExpiresAt: tokens.refreshTokenExpiresAt }
              : {}),
          },
          id,
        ),
        marketplaceData: { ...(tokens.marketplaceData ?? {}) },
        connectedAt: existing?.connectedAt ?? now,
        updatedAt: now,
      };
      await context.storage.accounts.put(account);
      const view = toAccountView(account);
      context.logger.info('marketplace account connected', {
        accountId: id,
        marketplace: account.marketplace,
      });
      context.events.emit('account.connected', { account: view });
      return view;
    },

    /** Removes a user's account and its encrypted tokens. Throws `NotFoundError` for another user's account. */
    async disconnect(userId: string, accountId: string): Promise<void> {
      const ids = parseInput(
        z.object({ userId: IdSchema, accountId: IdSchema }),
        { userId, accountId },
        {
          subject: 'disconnect request',
        },
      );
      const account = await context.storage.accounts.get(ids.accountId);
      if (!account || account.userId !== ids.userId)
        throw new NotFoundError({ resource: 'account', id: ids.accountId });
      await context.storage.accounts.delete(account.id);
      context.events.emit('account.disconnected', {
        accountId: account.id,
        userId: account.userId,
        marketplace: account.marketplace,
        reason: 'user',
      });
    },

    /**
     * A user's accounts without tokens, oldest first. Accounts whose token expired with no way to
     * refresh it are marked `reauthentication_required` here (with an `account.status_changed` event).
     */
    async listAccounts(userId: string): Promise<MarketplaceAccountView[]> {
      const id = parseInput(IdSchema, userId, { subject: 'user id', field: 'userId' });
      const accounts = await context.storage.accounts.listByUser(id);
      const checked: MarketplaceAccount[] = [];
      for (const account of accounts) checked.push(await access.markIfExpired(account));
      return checked.map(toAccountView);
    },
  };
}
