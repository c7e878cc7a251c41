import { type KeyObject, randomBytes, sign } from 'node:crypto';
import { HttpResponse, http } from 'msw';
import {
  clientId,
  clientSecret,
  phoneCategoryHandlers,
  ruName,
  tokenEndpoint,
  verificationToken,
} from '../../../packages/marketplaces/ebay/test/ebay-fixtures';
import {
  createEbayMockServer,
  type EbayMockServer,
} from '../../../packages/marketplaces/ebay/test/ebay-mock-server';

// The eBay adapter's own mock server: every Inventory, Taxonomy, Metadata and Notification request is
// checked against eBay's OpenAPI files in ../shared/specs/ebay, and every reply against the response schema.
export {
  hasEbaySpecs,
  missingSpecsMessage,
} from '../../../packages/marketplaces/ebay/test/ebay-spec-validator';
export { createEbayMockServer, type EbayMockServer, phoneCategoryHandlers };

/** eBay application credentials the mock token endpoint accepts (HTTP Basic). */
export const ebayApp = { clientId, clientSecret, ruName, verificationToken };

/** What a marketplace user looks like to the mocks: the consent code, the tokens it buys, who it is. */
export type FakeSeller = {
  readonly code: string;
  readonly accessToken: string;
  readonly refreshToken?: string;
  readonly externalId: string;
  readonly name: string;
};

const secret = () => randomBytes(18).toString('base64url');

/** An eBay seller: an authorization code and user tokens shaped like eBay's (`v^1.1#i^1#…`). */
export function ebaySeller(externalId: string, name: string): FakeSeller {
  return {
    code: `v^1.1#i^1#p^3#I^3#r^1#f^0#t^Ul41XzQ6${secret()}`,
    accessToken: `v^1.1#i^1#p^3#I^3#r^0#f^0#t^H4sIAAAAAAAAAOVZ${secret()}`,
    refreshToken: `v^1.1#i^1#p^3#I^3#r^1#f^0#t^Ul4xMF8yOjJC${secret()}`,
    externalId,
    name,
  };
}

/** A Facebook user: a login code and the long-lived token it ends with (Facebook has no refresh token). */
export function facebookUser(externalId: string, name: string): FakeSeller {
  return { code: `AQD${secret()}`, accessToken: `EAAB${secret()}${secret()}`, externalId, name };
}

/**
 * eBay's OAuth token endpoint and Identity `getUser` for a set of sellers: an authorization code
 * buys that seller's tokens, a client-credentials grant an application token, and `getUser`
 * answers for the seller whose bearer token it gets. Shapes follow eBay's OAuth and Identity docs.
 */
export function ebayAccountHandlers(mock: EbayMockServer, sellers: readonly FakeSeller[]) {
  return [
    tokenEndpoint(mock, (form) => {
      if (form.get('grant_type') === 'client_credentials') {
        return {
          body: {
            access_token: `v^1.1#i^1#f^0#p^1#I^3#r^0#t^app${secret()}`,
            expires_in: 7200,
            token_type: 'Application Access Token',
          },
        };
      }
      const seller = sellers.find((candidate) => candidate.code === form.get('code'));
      if (form.get('grant_type') !== 'authorization_code' || !seller || form.get('redirect_uri') !== ruName) {
        return {
          status: 400,
          body: {
            error: 'invalid_grant',
            error_description:
              'the provided authorization grant code is invalid or was issued to another client',
          },
        };
      }
      return {
        body: {
          access_token: seller.accessToken,
          expires_in: 7200,
          refresh_token: seller.refreshToken,
          refresh_token_expires_in: 47_304_000,
          token_type: 'User Access Token',
        },
      };
    }),
    mock.undocumented('get', 'https://apiz.ebay.com/commerce/identity/v1/user/', 'getUser', (call) => {
      const seller = sellers.find(
        (candidate) => call.headers.get('authorization') === `Bearer ${candidate.accessToken}`,
      );
      return seller
        ? { body: { userId: seller.externalId, username: seller.name, registrationMarketplaceId: 'EBAY_US' } }
        : {
            status: 401,
            body: {
              errors: [
                { errorId: 1001, domain: 'OAuth', category: 'REQUEST', message: 'Invalid access token' },
              ],
            },
          };
    }),
  ];
}

/** One request the fake Graph API received. */
export type GraphCall = {
  readonly url: URL;
  readonly method: string;
  readonly headers: Headers;
  readonly form: URLSearchParams;
};

export const graphBase = 'https://graph.facebook.com/v25.0';

/** Graph's error envelope (developers.facebook.com/docs/graph-api/guides/error-handling). */
export function graphError(code: number, message: string) {
  return { error: { message, type: 'OAuthException', code, fbtrace_id: 'A7qA1l2r_Xb3Ff9JcQk1sZr' } };
}

/**
 * Facebook Login's manual flow on the Graph API: the code exchange, the long-lived token exchange,
 * `/me` and `/me/permissions`, answering for the given users; optionally the catalogue batch
 * endpoint, answering `itemsBatch`. Every request is recorded in `calls`.
 */
export function facebookGraph(options: {
  readonly app: { readonly appId: string; readonly appSecret: string; readonly redirectUri: string };
  readonly users: readonly FakeSeller[];
  readonly catalogId?: string;
  readonly itemsBatch?: () => Response;
}) {
  const calls: GraphCall[] = [];
  const record = async (request: Request) => {
    const form = new URLSearchParams(request.method === 'POST' ? await request.clone().text() : '');
    calls.push({ url: new URL(request.url), method: request.method, headers: request.headers, form });
  };
  const shortLived = new Map(options.users.map((user) => [`EAAJ${user.code}`, user]));
  const bearer = (request: Request) =>
    options.users.find((user) => request.headers.get('authorization') === `Bearer ${user.accessToken}`);
  const handlers = [
    http.get(`${graphBase}/oauth/access_token`, async ({ request }) => {
      await record(request);
      const params = new URL(request.url).searchParams;
      if (
        params.get('client_id') !== options.app.appId ||
        params.get('client_secret') !== options.app.appSecret
      ) {
        return HttpResponse.json(graphError(1, 'Error validating client secret.'), { status: 400 });
      }
      if (params.get('grant_type') === 'fb_exchange_token') {
        const user = shortLived.get(params.get('fb_exchange_token') ?? '');
        if (!user) return HttpResponse.json(graphError(190, 'Invalid OAuth access token.'), { status: 400 });
        return HttpResponse.json({
          access_token: user.accessToken,
          token_type: 'bearer',
          expires_in: 5_183_944,
        });
      }
      const user = options.users.find((candidate) => candidate.code === params.get('code'));
      if (!user || params.get('redirect_uri') !== options.app.redirectUri) {
        return HttpResponse.json(graphError(100, 'Invalid verification code format.'), { status: 400 });
      }
      return HttpResponse.json({ access_token: `EAAJ${user.code}`, token_type: 'bearer', expires_in: 5400 });
    }),
    http.get(`${graphBase}/me`, async ({ request }) => {
      await record(request);
      const user = bearer(request);
      return user
        ? HttpResponse.json({ id: user.externalId, name: user.name })
        : HttpResponse.json(graphError(190, 'Invalid OAuth access token.'), { status: 401 });
    }),
    http.get(`${graphBase}/me/permissions`, async ({ request }) => {
      await record(request);
      return bearer(request)
        ? HttpResponse.json({
            data: [
              { permission: 'public_profile', status: 'granted' },
              { permission: 'catalog_management', status: 'granted' },
            ],
          })
        : HttpResponse.json(graphError(190, 'Invalid OAuth access token.'), { status: 401 });
    }),
    ...(options.catalogId && options.itemsBatch
      ? [
          http.post(`${graphBase}/${options.catalogId}/items_batch`, async ({ request }) => {
            await record(request);
            return (options.itemsBatch as () => Response)();
          }),
        ]
      : []),
  ];
  return { handlers, calls };
}

/** Signs a notification body as eBay does: ECDSA (SHA-1) over the raw body, header = base64 JSON. */
export function signAsEbay(body: string, privateKey: KeyObject, kid: string): string {
  const signature = sign('sha1', Buffer.from(body), privateKey).toString('base64');
  return Buffer.from(JSON.stringify({ alg: 'ecdsa', kid, signature, digest: 'SHA1' })).toString('base64');
}

/** A MARKETPLACE_ACCOUNT_DELETION notification as eBay posts it. */
export function accountDeletionNotification(seller: { externalId: string; name: string }): string {
  return JSON.stringify({
    metadata: { topic: 'MARKETPLACE_ACCOUNT_DELETION', schemaVersion: '1.0', deprecated: false },
    notification: {
      notificationId: `49feeaeb-4982-42d9-a377-9645b8479411_${crypto.randomUUID()}`,
      eventDate: '2026-03-19T20:43:59.462Z',
      publishDate: '2026-03-19T20:43:59.679Z',
      publishAttemptCount: 1,
      data: {
        username: seller.name,
        userId: seller.externalId,
        eiasToken: 'nY+sHZ2PrBmdj6wVnY+sEZ2PrA2dj6wJnY+gAZGEpwmdj6x9nY+seQ==',
      },
    },
  });
}

/**
 * msw's reaction to a request no handler answers: requests to the server under test (loopback)
 * pass through; anything else is recorded (tests assert none) and fails.
 */
export function loopbackOnly(unhandled: string[]) {
  return ({ frame }: { frame: { data: unknown } }) => {
    const request = (frame.data as { request?: Request }).request;
    if (!request) return;
    const url = new URL(request.url);
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return;
    unhandled.push(`${request.method} ${url.origin}${url.pathname}`);
    throw new Error(`unexpected request to ${url.origin}${url.pathname}`);
  };
}
