import { AuthenticationError } from '@deal-scout/core';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appId, appSecret, createGraphServer, graph, graphError } from '../../test/fixtures';
import { createFacebookMarketplace } from '../create-facebook-marketplace';

const server = createGraphServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const now = new Date('2026-03-01T12:00:00.000Z');
const adapter = () => createFacebookMarketplace({ appId, appSecret, now: () => now });

describe('Facebook Login', () => {
  it('builds the login dialog URL with client id, redirect, state and comma-separated scopes', async () => {
    const url = new URL(
      await adapter().oauth!.createAuthorizationUrl({
        state: 'state-abc',
        redirectUri: 'https://host.example/callback',
        scopes: ['public_profile', 'catalog_management'],
      }),
    );
    expect(url.origin + url.pathname).toBe('https://www.facebook.com/v25.0/dialog/oauth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: appId,
      redirect_uri: 'https://host.example/callback',
      state: 'state-abc',
      response_type: 'code',
      scope: 'public_profile,catalog_management',
    });
    expect(adapter().oauth!.supportsPkce).toBe(false);
    expect(adapter().oauth!.doRefresh).toBeUndefined();
  });

  it('exchanges the code, then for a long-lived token, and tracks its expiry', async () => {
    const seen: URLSearchParams[] = [];
    server.use(
      http.get(`${graph}/oauth/access_token`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        seen.push(params);
        if (params.get('grant_type') === 'fb_exchange_token') {
          expect(params.get('fb_exchange_token')).toBe('short-lived-token');
          return HttpResponse.json({
            access_token: 'long-lived-token',
            token_type: 'bearer',
            expires_in: 5183944,
          });
        }
        expect(params.get('code')).toBe('code-123');
        expect(params.get('redirect_uri')).toBe('https://host.example/callback');
        return HttpResponse.json({
          access_token: 'short-lived-token',
          token_type: 'bearer',
          expires_in: 5400,
        });
      }),
      http.get(`${graph}/me`, ({ request }) => {
        expect(request.headers.get('authorization')).toBe('Bearer long-lived-token');
        expect(new URL(request.url).searchParams.get('fields')).toBe('id,name');
        return HttpResponse.json({ id: '10158000000000001', name: 'Ada Seller' });
      }),
      http.get(`${graph}/me/permissions`, () =>
        HttpResponse.json({
          data: [
            { permission: 'public_profile', status: 'granted' },
            { permission: 'catalog_management', status: 'granted' },
            { permission: 'email', status: 'declined' },
          ],
        }),
      ),
    );
    const tokens = await adapter().oauth!.doExchangeCode({
      code: 'code-123',
      redirectUri: 'https://host.example/callback',
    });
    expect(tokens).toEqual({
      accessToken: 'long-lived-token',
      accessTokenExpiresAt: new Date(now.getTime() + 5183944 * 1000).toISOString(),
      scopes: ['public_profile', 'catalog_management'],
      externalAccountId: '10158000000000001',
      displayName: 'Ada Seller',
    });
    expect(tokens.refreshToken).toBeUndefined();
    expect(seen).toHaveLength(2);
    for (const params of seen) {
      expect(params.get('client_id')).toBe(appId);
      expect(params.get('client_secret')).toBe(appSecret);
    }
  });

  it('turns a refused code into an AuthenticationError that names no secret', async () => {
    server.use(
      http.get(`${graph}/oauth/access_token`, () =>
        HttpResponse.json(graphError(100, 'This authorization code has been used.'), { status: 400 }),
      ),
    );
    const error = await adapter()
      .oauth!.doExchangeCode({ code: 'used-code', redirectUri: 'https://host.example/callback' })
      .then(
        () => null,
        (thrown: unknown) => thrown,
      );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).reauthenticate).toBe(true);
    expect(String((error as Error).message)).not.toContain(appSecret);
    expect(String((error as Error).message)).not.toContain('used-code');
  });
});
