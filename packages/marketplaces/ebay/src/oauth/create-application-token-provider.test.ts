import { createManualClock } from '@deal-scout/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ebaySettings, itemSummary, searchPage, tokenEndpoint } from '../../test/ebay-fixtures';
import { createEbayMockServer } from '../../test/ebay-mock-server';
import { hasEbaySpecs, missingSpecsMessage } from '../../test/ebay-spec-validator';
import { rejectionOf } from '../../test/rejection-of';
import { createEbayMarketplace } from '../create-ebay-marketplace';

if (!hasEbaySpecs) console.warn(missingSpecsMessage);

describe.runIf(hasEbaySpecs)('eBay application token', () => {
  const mock = createEbayMockServer();
  beforeAll(() => mock.server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    expect(mock.reset()).toEqual([]);
  });
  afterAll(() => mock.server.close());

  const tokensSeen: string[] = [];
  const searchHandler = () =>
    mock.operation('get', '/buy/browse/v1/item_summary/search', ({ headers }) => {
      tokensSeen.push(headers.get('authorization') ?? '');
      return { body: searchPage([itemSummary()], { total: 1, offset: 0, limit: 50 }) };
    });

  it('requests one client-credentials token for 25 concurrent searches and shares it', async () => {
    tokensSeen.length = 0;
    let grants = 0;
    mock.server.use(
      tokenEndpoint(mock, (form) => {
        grants += 1;
        expect(Object.fromEntries(form)).toEqual({
          grant_type: 'client_credentials',
          scope: 'https://api.ebay.com/oauth/api_scope',
        });
        return {
          body: {
            access_token: `app-token-${grants}`,
            expires_in: 7200,
            token_type: 'Application Access Token',
          },
        };
      }),
      searchHandler(),
    );
    const adapter = createEbayMarketplace(ebaySettings());
    await Promise.all(
      Array.from({ length: 25 }, () => adapter.doSearch!({ query: 'tv', sort: 'newest', limit: 50 })),
    );
    expect(grants).toBe(1);
    expect(adapter.applicationTokenGrants).toBe(1);
    expect(new Set(tokensSeen)).toEqual(new Set(['Bearer app-token-1']));
  });

  it('reuses the token until five minutes before expiry, then renews it once', async () => {
    tokensSeen.length = 0;
    const clock = createManualClock('2026-03-01T08:00:00.000Z');
    let grants = 0;
    mock.server.use(
      tokenEndpoint(mock, () => {
        grants += 1;
        return {
          body: {
            access_token: `app-token-${grants}`,
            expires_in: 7200,
            token_type: 'Application Access Token',
          },
        };
      }),
      searchHandler(),
    );
    const adapter = createEbayMarketplace(ebaySettings({ clock }));
    const run = () => adapter.doSearch!({ query: 'tv', sort: 'newest', limit: 50 });
    await run();
    await clock.advance(114 * 60_000); // 1 h 54 min: six minutes left
    await run();
    await clock.advance(2 * 60_000); // four minutes left: inside the renewal margin
    await Promise.all([run(), run(), run()]);
    expect(grants).toBe(2);
    expect(tokensSeen).toEqual([
      'Bearer app-token-1',
      'Bearer app-token-1',
      'Bearer app-token-2',
      'Bearer app-token-2',
      'Bearer app-token-2',
    ]);
  });

  it('does not cache a failed grant: the next call asks again', async () => {
    let attempts = 0;
    mock.server.use(
      tokenEndpoint(mock, () => {
        attempts += 1;
        return attempts === 1
          ? { status: 500, body: { error: 'server_error', error_description: 'temporarily unavailable' } }
          : {
              body: {
                access_token: 'app-token-ok',
                expires_in: 7200,
                token_type: 'Application Access Token',
              },
            };
      }),
      searchHandler(),
    );
    const adapter = createEbayMarketplace(ebaySettings());
    await expect(adapter.doSearch!({ query: 'tv', sort: 'newest', limit: 5 })).rejects.toMatchObject({
      code: 'MARKETPLACE_REQUEST_FAILED',
      isRetryable: true,
    });
    await expect(adapter.doSearch!({ query: 'tv', sort: 'newest', limit: 5 })).resolves.toMatchObject({
      total: 1,
    });
    expect(attempts).toBe(2);
  });

  it('drops a token eBay rejects before its expiry and retries once with a fresh one', async () => {
    let grants = 0;
    mock.server.use(
      tokenEndpoint(mock, () => {
        grants += 1;
        return {
          body: {
            access_token: `app-token-${grants}`,
            expires_in: 7200,
            token_type: 'Application Access Token',
          },
        };
      }),
      mock.operation('get', '/buy/browse/v1/item_summary/search', ({ headers }) =>
        headers.get('authorization') === 'Bearer app-token-1'
          ? {
              status: 401,
              body: {
                errors: [
                  { errorId: 1001, domain: 'OAuth', category: 'REQUEST', message: 'Invalid access token' },
                ],
              },
            }
          : { body: searchPage([], { total: 0, offset: 0, limit: 5 }) },
      ),
    );
    const page = await createEbayMarketplace(ebaySettings()).doSearch!({
      query: 'tv',
      sort: 'newest',
      limit: 5,
    });
    expect(page.total).toBe(0);
    expect(grants).toBe(2);
  });

  it('reports an application token refused twice as a keyset problem, not a seller re-authentication', async () => {
    mock.server.use(
      tokenEndpoint(mock),
      mock.operation('get', '/buy/browse/v1/item_summary/search', () => ({
        status: 401,
        body: {
          errors: [{ errorId: 1001, domain: 'OAuth', category: 'REQUEST', message: 'Invalid access token' }],
        },
      })),
    );
    const error = await rejectionOf(
      createEbayMarketplace(ebaySettings()).doSearch!({ query: 'tv', sort: 'newest', limit: 5 }),
    );
    expect(error).toMatchObject({ code: 'AUTHENTICATION_FAILED', reauthenticate: false });
    expect(mock.operations()).toEqual(['token', 'search', 'token', 'search']);
  });

  it('reports a rejected keyset (invalid_client) without asking sellers to reconnect', async () => {
    mock.server.use(
      tokenEndpoint(mock, () => ({
        status: 401,
        body: { error: 'invalid_client', error_description: 'client authentication failed' },
      })),
    );
    const error = await rejectionOf(
      createEbayMarketplace(ebaySettings()).doSearch!({ query: 'tv', sort: 'newest', limit: 5 }),
    );
    expect(error).toMatchObject({ code: 'AUTHENTICATION_FAILED', reauthenticate: false });
    expect((error as Error).message).toContain('EBAY_CLIENT_SECRET');
  });
});
