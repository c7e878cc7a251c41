import type { MarketplaceAccountView } from '../listing/marketplace-account';
import type {
  MarketplaceWebhookEventV1,
  WebhookRequestV1,
  WebhookResponseV1,
} from '../marketplace/v1/marketplace-webhooks-v1';
import type { RuntimeContext } from '../runtime/runtime-context';
import { parseInput } from '../shared/parse-input';
import { createAccountAccess } from './account-access';
import { createAutoDelister } from './auto-delist';
import { type ConnectStart, createAccountConnections } from './connect-accounts';
import { createCrossPoster } from './cross-post';
import { createCrossPostRecords } from './cross-post-records';
import type { AutoDelistResult, CrossPostResult } from './cross-post-result';
import { createWebhookHandler } from './handle-webhook';
import { type MarketplacesSettings, MarketplacesSettingsSchema } from './marketplaces-settings';
import { createTokenVault, missingVaultError, type TokenVault } from './token-vault';

/** `scout.marketplaces`: seller accounts, cross-posting, auto-delist and webhooks. */
export type MarketplacesService = {
  /** Starts an OAuth connection; returns the consent URL and the single-use `state`. */
  connect(input: {
    readonly userId: string;
    readonly marketplace: string;
    readonly redirectUri: string;
    readonly scopes?: readonly string[];
  }): Promise<ConnectStart>;
  /** Completes the OAuth callback and stores the account with encrypted tokens. */
  handleCallback(input: {
    readonly marketplace: string;
    readonly state: string;
    readonly code: string;
  }): Promise<MarketplaceAccountView>;
  /** Removes an account and its tokens. */
  disconnect(userId: string, accountId: string): Promise<void>;
  /** A user's accounts, without tokens. */
  listAccounts(userId: string): Promise<MarketplaceAccountView[]>;
  /** Posts a draft to several marketplaces; see `docs/marketplaces.md`. */
  crossPost(sellerId: string, draft: unknown, targets: readonly string[]): Promise<CrossPostResult>;
  /** Withdraws a sold item's other listings; `null` when the listing was not cross-posted. */
  handleSold(marketplace: string, externalId: string): Promise<readonly AutoDelistResult[] | null>;
  /** Verifies and acts on a marketplace's webhook request; returns what to answer. */
  handleWebhook(
    marketplaceId: string,
    request: WebhookRequestV1,
  ): Promise<{ readonly response: WebhookResponseV1; readonly events: readonly MarketplaceWebhookEventV1[] }>;
  /** Stops reacting to listing status changes. */
  close(): void;
};

/**
 * Creates the marketplaces service on a runtime context. Tokens are encrypted with AES-256-GCM
 * (`settings.tokenEncryption`) and decrypted only for the adapter call that needs them; they never
 * reach logs, errors or events. Throws `ValidationError` for invalid settings.
 */
export function createMarketplacesService(
  context: RuntimeContext,
  settings: MarketplacesSettings = {},
): MarketplacesService {
  const resolved = parseInput(MarketplacesSettingsSchema, settings, {
    subject: 'marketplace account settings',
  });
  const vault: TokenVault | null = resolved.tokenEncryption
    ? createTokenVault(resolved.tokenEncryption)
    : null;
  const requireVault = () => {
    if (!vault) throw missingVaultError();
    return vault;
  };
  const access = createAccountAccess({ context, vault: requireVault, refreshSkewMs: resolved.refreshSkewMs });
  const records = createCrossPostRecords(context.storage.state);
  const connections = createAccountConnections({
    context,
    vault: requireVault,
    access,
    stateTtlMs: resolved.stateTtlMs,
  });
  const poster = createCrossPoster({ context, access, records, publishLeaseMs: resolved.publishLeaseMs });
  const delister = createAutoDelister({ context, access, records });
  const webhooks = createWebhookHandler({ context, access, delister });
  const stopWatching = delister.watchListingStatus();
  return {
    connect: connections.connect,
    handleCallback: connections.handleCallback,
    disconnect: connections.disconnect,
    listAccounts: connections.listAccounts,
    crossPost: poster.crossPost,
    handleSold: delister.handleSold,
    handleWebhook: webhooks.handleWebhook,
    close: stopWatching,
  };
}
