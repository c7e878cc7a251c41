import { AuthenticationError, ConfigurationError, createManualClock } from '@deal-scout/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientId, ebaySettings, ruName, tokenEndpoint } from '../../test/ebay-fixtures';
import { createEbayMockServer } from '../../test/ebay-mock-server';
import { hasEbaySpecs, missingSpecsMessage } from '../../test/ebay-spec-validator';
import { rejectionOf } from '../../test/rejection-of';
import { createEbayMarketplace } from '../create-ebay-marketplace';

if (!hasEbaySpecs) console.warn(missingSpecsMessage);

describe.runIf(hasEbaySpecs)('eBay OAuth', () => {
  const mock = createEbayMockServer();
  beforeAll(() => mock.server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    expect(mock.reset()).toEqual([]);
  });
  afterAll(() => mock.server.close());

  const identity = (userId = 'ebay-user-7f3k2', host = 'https://apiz.ebay.com') =>
    mock.undocumented('get', `${host}/commerce/identity/v1/user/`, 'getUser', (call) => {
      expect(call.headers.get('authorization')).toBe('Bearer user-access-token');
      return {
        body: {
          userId,
          username: 'ocean_state_seller',
          accountType: 'INDIVIDUAL',
          registrationMarketplaceId: 'EBAY_US',
        },
      };
    });

  it('builds the consent URL with the RuName as redirect_uri, scopes and state, per environment', () => {
    const production = new URL(
      createEbayMarketplace(ebaySettings()).oauth!.createAuthorizationUrl({
        state: 'st-123',
        redirectUri: 'https://host.example/ebay/callback',
        scopes: ['https://api.ebay.com/oauth/api_scope/sell.inventory'],
      }) as string,
    );
    expect(production.origin + production.pathname).toBe('https://auth.ebay.com/oauth2/authorize');
    expect(Object.fromEntries(production.searchParams)).toEqual({
      client_id: clientId,
      redirect_uri: ruName,
      response_type: 'code',
      scope: 'https://api.ebay.com/oauth/api_scope/sell.inventory',
      state: 'st-123',
    });
    const sandbox = new URL(
      createEbayMarketplace(ebaySettings({ environment: 'sandbox' })).oauth!.createAuthorizationUrl({
        state: 's',
        redirectUri: 'https://host.example/cb',
      }) as string,
    );
    expect(sandbox.host).toBe('auth.sandbox.ebay.com');
    expect(sandbox.searchParams.get('scope')?.split(' ')).toContain(
      'https://api.ebay.com/oauth/api_scope/sell.account',
    );
    expect(createEbayMarketplace(ebaySettings()).oauth!.supportsPkce).toBe(false);
  });

  it('refuses to build a consent URL without a RuName', () => {
    const adapter = createEbayMarketplace(ebaySettings({ ruName: undefined }));
    expect(() => adapter.oauth!.createAuthorizationUrl({ state: 's', redirectUri: 'https://h/cb' })).toThrow(
      ConfigurationError,
    );
  });

  it('exchanges the code with the RuName and records expiries and the eBay user id', async () => {
    const clock = createManualClock('2026-02-01T10:00:00.000Z');
    let form: URLSearchParams | undefined;
    mock.server.use(
      tokenEndpoint(mock, (sent) => {
        form = sent;
        return {
          body: {
            access_token: 'user-access-token',
            expires_in: 7200,
            refresh_token: 'user-refresh-token',
            refresh_token_expires_in: 47304000,
            token_type: 'User Access Token',
          },
        };
      }),
      identity(),
    );
    const tokens = await createEbayMarketplace(ebaySettings({ clock })).oauth!.doExchangeCode({
      code: 'v^1.1#i^1#code',
      redirectUri: 'https://host.example/ebay/callback',
    });
    expect(Object.fromEntries(form!)).toEqual({
      grant_type: 'authorization_code',
      code: 'v^1.1#i^1#code',
      redirect_uri: ruName,
    });
    expect(tokens).toMatchObject({
      accessToken: 'user-access-token',
      accessTokenExpiresAt: '2026-02-01T12:00:00.000Z',
      refreshToken: 'user-refresh-token',
      // 47,304,000 s = 547.5 days, eBay's 18-month refresh token.
      refreshTokenExpiresAt: '2027-08-02T22:00:00.000Z',
      externalAccountId: 'ebay-user-7f3k2',
      displayName: 'ocean_state_seller',
      marketplaceData: { marketplaceId: 'EBAY_US' },
    });
  });

  it('talks to the sandbox hosts in the sandbox environment', async () => {
    mock.server.use(
      tokenEndpoint(mock, undefined, 'https://api.sandbox.ebay.com'),
      identity('sandbox-user', 'https://apiz.sandbox.ebay.com'),
    );
    const tokens = await createEbayMarketplace(
      ebaySettings({ environment: 'sandbox' }),
    ).oauth!.doExchangeCode({
      code: 'c',
      redirectUri: 'https://h/cb',
    });
    expect(tokens.externalAccountId).toBe('sandbox-user');
    expect(mock.calls.map((call) => call.url.host)).toEqual([
      'api.sandbox.ebay.com',
      'apiz.sandbox.ebay.com',
    ]);
  });

  it('refreshes with the stored scopes and keeps the refresh token eBay does not reissue', async () => {
    const clock = createManualClock('2026-02-01T11:50:00.000Z');
    let form: URLSearchParams | undefined;
    mock.server.use(
      tokenEndpoint(mock, (sent) => {
        form = sent;
        return {
          body: { access_token: 'renewed-access-token', expires_in: 7200, token_type: 'User Access Token' },
        };
      }),
    );
    const renewed = await createEbayMarketplace(ebaySettings({ clock })).oauth!.doRefresh!({
      tokens: {
        accessToken: 'old-access-token',
        accessTokenExpiresAt: '2026-02-01T12:00:00.000Z',
        refreshToken: 'user-refresh-token',
        refreshTokenExpiresAt: '2027-08-03T10:00:00.000Z',
        scopes: [
          'https://api.ebay.com/oauth/api_scope',
          'https://api.ebay.com/oauth/api_scope/sell.inventory',
        ],
        externalAccountId: 'ebay-user-7f3k2',
      },
    });
    expect(Object.fromEntries(form!)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'user-refresh-token',
      scope: 'https://api.ebay.com/oauth/api_scope https://api.ebay.com/oauth/api_scope/sell.inventory',
    });
    expect(renewed).toMatchObject({
      accessToken: 'renewed-access-token',
      accessTokenExpiresAt: '2026-02-01T13:50:00.000Z',
      refreshToken: 'user-refresh-token',
      refreshTokenExpiresAt: '2027-08-03T10:00:00.000Z',
      externalAccountId: 'ebay-user-7f3k2',
    });
  });

  it('reports a revoked refresh token (invalid_grant) as re-authentication, without the token in the message', async () => {
    mock.server.use(
      tokenEndpoint(mock, () => ({
        status: 400,
        body: {
          error: 'invalid_grant',
          error_description:
            'the provided authorization refresh token is invalid or was issued to another client',
        },
      })),
    );
    const error = await rejectionOf(
      createEbayMarketplace(ebaySettings()).oauth!.doRefresh!({
        tokens: {
          accessToken: 'a',
          accessTokenExpiresAt: null,
          refreshToken: 'secret-refresh-value',
          scopes: [],
          externalAccountId: 'u',
        },
      }),
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).reauthenticate).toBe(true);
    expect((error as Error).message).not.toContain('secret-refresh-value');
  });
});
