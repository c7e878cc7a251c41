import {
  type ClockV1,
  ConfigurationError,
  type MarketplaceOAuthV1,
  type MarketplaceTokenSetV1,
} from '@deal-scout/core';
import type { EbayHttpClient } from '../http/create-ebay-http-client';
import type { EbayEndpoints } from '../settings/ebay-environment';
import type { ResolvedEbaySettings } from '../settings/ebay-marketplace-settings';
import { fetchEbayUser } from './fetch-ebay-user';
import { type EbayTokenResponse, requestEbayToken } from './request-ebay-token';

/**
 * Seller account connection with eBay's authorization-code grant. eBay identifies the callback by
 * the application's RuName (configured in the developer portal to point at the host's callback
 * URL), so the consent URL and the code exchange send the RuName as `redirect_uri` and the
 * contract's `redirectUri` is not sent. eBay documents no PKCE support.
 */
export function createEbayOAuth(options: {
  readonly http: EbayHttpClient;
  readonly settings: ResolvedEbaySettings;
  readonly endpoints: EbayEndpoints;
  readonly clock: ClockV1;
}): MarketplaceOAuthV1 {
  const { settings, endpoints, http, clock } = options;
  const ruName = (): string => {
    if (!settings.ruName) {
      throw new ConfigurationError({
        message: 'connecting eBay accounts needs the RuName (settings.ruName / EBAY_RU_NAME)',
        source: 'ebay',
      });
    }
    return settings.ruName;
  };
  const expiry = (seconds: number | undefined): string | null =>
    seconds === undefined ? null : new Date(clock.now().getTime() + seconds * 1000).toISOString();
  const token = (form: Record<string, string>, operation: string, signal: AbortSignal | undefined) =>
    requestEbayToken({
      http,
      apiHost: endpoints.api,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      form,
      operation,
      signal,
    });

  return {
    supportsPkce: false,
    createAuthorizationUrl({ state, scopes }) {
      const url = new URL('/oauth2/authorize', endpoints.auth);
      url.searchParams.set('client_id', settings.clientId);
      url.searchParams.set('redirect_uri', ruName());
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('scope', (scopes?.length ? scopes : settings.userScopes).join(' '));
      url.searchParams.set('state', state);
      return url.toString();
    },
    async doExchangeCode({ code, signal }) {
      const response = await token(
        { grant_type: 'authorization_code', code, redirect_uri: ruName() },
        'exchangeCode',
        signal,
      );
      const user = await fetchEbayUser({
        http,
        identityHost: endpoints.identity,
        accessToken: response.access_token,
        signal,
      });
      return toTokenSet(response, {
        scopes: settings.userScopes,
        externalAccountId: user.userId,
        displayName: user.username,
        marketplaceData: { marketplaceId: settings.marketplaceId },
        expiry,
      });
    },
    async doRefresh({ tokens, signal }) {
      if (!tokens.refreshToken) {
        throw new ConfigurationError({
          message: 'the token set has no refresh token to renew',
          source: 'ebay',
        });
      }
      const response = await token(
        { grant_type: 'refresh_token', refresh_token: tokens.refreshToken, scope: tokens.scopes.join(' ') },
        'refreshToken',
        signal,
      );
      // eBay returns no new refresh token on refresh: the 18-month one stays valid.
      const renewed = toTokenSet(response, {
        scopes: tokens.scopes,
        externalAccountId: tokens.externalAccountId,
        displayName: tokens.displayName,
        marketplaceData: tokens.marketplaceData,
        expiry,
      });
      return {
        ...renewed,
        refreshToken: response.refresh_token ?? tokens.refreshToken,
        refreshTokenExpiresAt: response.refresh_token
          ? (renewed.refreshTokenExpiresAt ?? null)
          : (tokens.refreshTokenExpiresAt ?? null),
      };
    },
  };
}

function toTokenSet(
  response: EbayTokenResponse,
  context: {
    scopes: readonly string[];
    externalAccountId: string;
    displayName: string | undefined;
    marketplaceData: MarketplaceTokenSetV1['marketplaceData'];
    expiry: (seconds: number | undefined) => string | null;
  },
): MarketplaceTokenSetV1 {
  return {
    accessToken: response.access_token,
    accessTokenExpiresAt: context.expiry(response.expires_in),
    ...(response.refresh_token
      ? {
          refreshToken: response.refresh_token,
          refreshTokenExpiresAt: context.expiry(response.refresh_token_expires_in),
        }
      : {}),
    scopes: [...context.scopes],
    externalAccountId: context.externalAccountId,
    ...(context.displayName ? { displayName: context.displayName } : {}),
    ...(context.marketplaceData ? { marketplaceData: context.marketplaceData } : {}),
  };
}
