import { validate } from '@readme/openapi-parser';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, startTestServer, type TestServer, testJwtSecret } from './start-test-server';

const listing = (externalId: string, title: string, amount: number) => ({
  marketplace: 'feed',
  externalId,
  title,
  price: { amount, currency: 'USD' },
  category: 'bicycles',
  postedAt: '2026-01-10T12:00:00Z',
});

describe.each(engines)('reference server on $name', ({ env }) => {
  let server: TestServer;
  let admin: string;
  let user: string;

  beforeAll(async () => {
    server = await startTestServer(env);
    admin = await server.register('admin@example.com');
    user = await server.register('user@example.com');
  }, 120_000);
  afterAll(async () => server?.stop());

  it('serves /health and /ready', async () => {
    expect(await (await server.request('/health')).json()).toEqual({ status: 'ok' });
    const ready = await server.request('/ready');
    expect(ready.status).toBe(200);
  });

  it('publishes a valid OpenAPI 3.1 document generated from the routes', async () => {
    const document = await (await server.request('/openapi.json')).json();
    expect(document.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(document));
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/listings', '/listings/{listing_id}', '/auth/login']),
    );
  });

  it('registers and logs in; a wrong password and a duplicate e-mail are refused', async () => {
    const login = await server.request('/auth/login', {
      method: 'POST',
      json: { email: 'user@example.com', password: 'correct horse battery staple' },
    });
    expect(login.status).toBe(200);
    expect((await login.json()).tokenType).toBe('Bearer');
    const wrong = await server.request('/auth/login', {
      method: 'POST',
      json: { email: 'user@example.com', password: 'wrong password!!' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toBe('application/problem+json');
    const duplicate = await server.request('/auth/register', {
      method: 'POST',
      json: { email: 'USER@example.com', password: 'another long password' },
    });
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).code).toBe('CONFLICT');
  });

  it('answers missing, forged and expired tokens with 401 problem+json', async () => {
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('usr_x')
      .setIssuer('deal-scout-reference-server')
      .setAudience('deal-scout-api')
      .setExpirationTime(now + 600)
      .sign(new TextEncoder().encode('a-completely-different-secret-of-32-chars'));
    const expired = await new SignJWT({ role: 'user' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('usr_x')
      .setIssuer('deal-scout-reference-server')
      .setAudience('deal-scout-api')
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 3600)
      .sign(new TextEncoder().encode(testJwtSecret));
    for (const [token, detail] of [
      [undefined, /bearer token is required/],
      [forged, /token is invalid/],
      [expired, /token has expired/],
      ['not.a.jwt', /token is invalid/],
    ] as const) {
      const response = await server.request('/listings', token ? { token } : {});
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const body = await response.json();
      expect(body.code).toBe('AUTHENTICATION_FAILED');
      expect(body.detail).toMatch(detail);
    }
  });

  it('lets an admin ingest a feed, reporting bad listings one by one; users may not', async () => {
    const forbidden = await server.request('/listings/ingest', {
      method: 'POST',
      token: user,
      json: { listings: [listing('1', 'x', 1)] },
    });
    expect(forbidden.status).toBe(403);
    const response = await server.request('/listings/ingest', {
      method: 'POST',
      token: admin,
      json: {
        listings: [
          listing('1', 'Trek road bike', 25_000),
          { ...listing('2', '', 100) },
          listing('3', 'Oak table', 9_000),
        ],
      },
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ received: 3, created: 2, rejected: 1 });
    expect(body.rejections).toEqual([
      expect.objectContaining({
        index: 1,
        id: 'feed:2',
        code: 'VALIDATION_FAILED',
        field: 'listings[1].title',
      }),
    ]);
  });

  it('searches and gets listings', async () => {
    const search = await server.request('/listings?q=bike&max_price=30000', { token: user });
    expect(search.status).toBe(200);
    const body = await search.json();
    expect(body.items.map((item: { listing: { id: string } }) => item.listing.id)).toEqual(['feed:1']);
    const one = await server.request('/listings/feed:1', { token: user });
    expect((await one.json()).price).toEqual({ amount: 25_000, currency: 'USD' });
    const missing = await server.request('/listings/feed:404', { token: user });
    expect(missing.status).toBe(404);
    expect((await missing.json()).code).toBe('NOT_FOUND');
    const bad = await server.request('/listings?limit=5000', { token: user });
    expect(bad.status).toBe(400);
    expect((await bad.json()).field).toBe('query.limit');
  });

  it('answers malformed and oversized bodies with problem+json 400 and 413', async () => {
    const malformed = await server.request('/listings/ingest', {
      method: 'POST',
      token: admin,
      headers: { 'content-type': 'application/json' },
      body: '{"listings": [',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toBe('application/problem+json');
    const huge = await server.request('/listings/ingest', {
      method: 'POST',
      token: admin,
      json: { listings: [{ title: 'x'.repeat(2_000_000) }] },
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).code).toBe('BODY_TOO_LARGE');
  });

  it('answers unknown routes with a 404 problem', async () => {
    const response = await server.request('/nope', { token: user });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('rate limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '5' });
  }, 120_000);
  afterAll(async () => server?.stop());

  it('answers the request over the per-minute limit with a 429 problem and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await server.request('/health')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await server.request('/health');
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await limited.json()).code).toBe('RATE_LIMITED');
  });
});
