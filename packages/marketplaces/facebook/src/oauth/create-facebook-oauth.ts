import {
  AuthenticationError,
  type MarketplaceOAuthV1,
  MarketplaceRequestError,
  type MarketplaceTokenSetV1,
} from '@deal-scout/core';
import type { ResolvedFacebookSettings } from '../facebook-settings';
import type { GraphClient } from '../graph/create-graph-client';

type TokenResponse = { access_token?: string; token_type?: string; expires_in?: number };
type MeResponse = { id?: string; name?: string };
type PermissionsResponse = { data?: Array<{ permission?: string; status?: string }> };

/**
 * Facebook Login, manual flow (https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow):
 * the login dialog URL, the code exchange, then the exchange for a long-lived token
 * (`grant_type=fb_exchange_token`, about 60 days). Facebook issues no refresh token, so there is
 * no `doRefresh`: the runtime marks the account `reauthentication_required` when the token expires.
 * PKCE is only offered on Facebook's OIDC variant, which Meta still calls a test, so it is off.
 */
export function createFacebookOAuth(options: {
  readonly settings: ResolvedFacebookSettings;
  readonly graph: GraphClient;
  readonly now: () => Date;
}): MarketplaceOAuthV1 {
  const { settings, graph, now } = options;

  const exchange = async (
    searchParams: Record<string, string>,
    step: string,
    signal: AbortSignal | undefined,
  ): Promise<{ accessToken: string; expiresIn: number | null }> => {
    let body: TokenResponse;
    try {
      body = await graph.get<TokenResponse>({
        path: 'oauth/access_token',
        searchParams: { client_id: settings.appId, client_secret: settings.appSecret, ...searchParams },
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      // A refused code (code 100/190 on this endpoint) means the user must log in again.
      if (error instanceof MarketplaceRequestError && error.status !== null && error.status < 500) {
        throw new AuthenticationError({
          message: `Facebook refused the ${step}; start the login again`,
          reauthenticate: true,
          source: 'facebook',
        });
      }
      throw error;
    }
    if (typeof body.access_token !== 'string' || body.access_token.length === 0) {
      throw new MarketplaceRequestError({
        message: `Facebook answered the ${step} without an access_token`,
        source: 'facebook',
        status: 200,
      });
    }
    return {
      accessToken: body.access_token,
      expiresIn: typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : null,
    };
  };

  return {
    supportsPkce: false,
    createAuthorizationUrl({ state, redirectUri, scopes }) {
      const url = new URL(
        `${settings.dialogBaseUrl.replace(/\/+$/, '')}/${settings.graphApiVersion}/dialog/oauth`,
      );
      url.searchParams.set('client_id', settings.appId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('state', state);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('scope', (scopes && scopes.length > 0 ? scopes : settings.scopes).join(','));
      return url.toString();
    },
    async doExchangeCode({ code, redirectUri, signal }): Promise<MarketplaceTokenSetV1> {
      const shortLived = await exchange({ redirect_uri: redirectUri, code }, 'authorisation code', signal);
      const longLived = await exchange(
        { grant_type: 'fb_exchange_token', fb_exchange_token: shortLived.accessToken },
        'long-lived token exchange',
        signal,
      );
      const me = await graph.get<MeResponse>({
        path: 'me',
        accessToken: longLived.accessToken,
        searchParams: { fields: 'id,name' },
        ...(signal ? { signal } : {}),
      });
      if (typeof me.id !== 'string' || me.id.length === 0) {
        throw new MarketplaceRequestError({
          message: 'Facebook /me answered without an id',
          source: 'facebook',
        });
      }
      const permissions = await graph.get<PermissionsResponse>({
        path: 'me/permissions',
        accessToken: longLived.accessToken,
        ...(signal ? { signal } : {}),
      });
      const granted = (permissions.data ?? [])
        .filter((entry) => entry.status === 'granted' && typeof entry.permission === 'string')
        .map((entry) => entry.permission as string);
      const expiresIn = longLived.expiresIn;
      return {
        accessToken: longLived.accessToken,
        accessTokenExpiresAt:
          expiresIn === null ? null : new Date(now().getTime() + expiresIn * 1000).toISOString(),
        scopes: granted,
        externalAccountId: me.id,
        ...(me.name ? { displayName: me.name } : {}),
      };
    },
  };
}
