import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, startTestServer, type TestServer } from './start-test-server';

const bike = (externalId: string, title: string, amount: number) => ({
  marketplace: 'feed',
  externalId,
  title,
  price: { amount, currency: 'USD' },
  category: 'bicycles',
  condition: 'good',
  postedAt: '2026-01-10T12:00:00Z',
});

describe.each(engines)('deal alert rules on $name', ({ env }) => {
  let server: TestServer;
  let admin: string;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    server = await startTestServer(env);
    admin = await server.register('admin@example.com');
    alice = await server.register('alice@example.com');
    bob = await server.register('bob@example.com');
  }, 180_000);
  afterAll(async () => server?.stop());

  const createRule = async (token: string, body: unknown) =>
    server.request('/deal-alert-rules', { method: 'POST', token, json: body });

  it('creates, reads, lists, updates, pauses, resumes and deletes a rule', async () => {
    const created = await createRule(alice, {
      name: 'Road bike',
      keywords: ['road bike'],
      maxPrice: { amount: 30_000, currency: 'USD' },
    });
    expect(created.status).toBe(201);
    const rule = await created.json();
    expect(rule).toMatchObject({ name: 'Road bike', enabled: true, keywords: ['road bike'] });

    expect((await (await server.request(`/deal-alert-rules/${rule.id}`, { token: alice })).json()).id).toBe(
      rule.id,
    );
    const list = await (await server.request('/deal-alert-rules?limit=10', { token: alice })).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain(rule.id);

    const patched = await server.request(`/deal-alert-rules/${rule.id}`, {
      method: 'PATCH',
      token: alice,
      json: { excludeKeywords: ['kids'] },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ keywords: ['road bike'], excludeKeywords: ['kids'] });

    expect(
      (
        await (
          await server.request(`/deal-alert-rules/${rule.id}/pause`, { method: 'POST', token: alice })
        ).json()
      ).enabled,
    ).toBe(false);
    expect(
      (
        await (
          await server.request(`/deal-alert-rules/${rule.id}/resume`, { method: 'POST', token: alice })
        ).json()
      ).enabled,
    ).toBe(true);

    expect(
      (await server.request(`/deal-alert-rules/${rule.id}`, { method: 'DELETE', token: alice })).status,
    ).toBe(204);
    expect((await server.request(`/deal-alert-rules/${rule.id}`, { token: alice })).status).toBe(404);
  });

  it("hides one user's rules from another: 404, not 403, for every route", async () => {
    const rule = await (await createRule(alice, { name: 'Alice only', keywords: ['tandem'] })).json();
    for (const [method, path, json] of [
      ['GET', `/deal-alert-rules/${rule.id}`, undefined],
      ['PATCH', `/deal-alert-rules/${rule.id}`, { name: 'stolen' }],
      ['DELETE', `/deal-alert-rules/${rule.id}`, undefined],
      ['POST', `/deal-alert-rules/${rule.id}/test`, undefined],
      ['POST', `/deal-alert-rules/${rule.id}/pause`, undefined],
      ['POST', `/deal-alert-rules/${rule.id}/resume`, undefined],
    ] as const) {
      const response = await server.request(path, { method, token: bob, ...(json ? { json } : {}) });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect((await response.json()).code).toBe('NOT_FOUND');
    }
    const bobsList = await (await server.request('/deal-alert-rules', { token: bob })).json();
    expect(bobsList.items).toEqual([]);
    expect((await (await server.request(`/deal-alert-rules/${rule.id}`, { token: alice })).json()).name).toBe(
      'Alice only',
    );
  });

  it('answers invalid rules with problem+json naming the field', async () => {
    for (const [body, field] of [
      [{ name: 'x' }, null],
      [
        {
          name: 'x',
          keywords: ['bike'],
          minPrice: { amount: 500, currency: 'USD' },
          maxPrice: { amount: 100, currency: 'USD' },
        },
        'minPrice',
      ],
      [{ name: 'x', keywords: ['bike'], radiusMi: 10 }, 'location'],
      [{ name: 'x', categories: ['gadgets'] }, 'categories[0]'],
      [{ name: 'x', keywords: [''] }, 'keywords[0]'],
    ] as const) {
      const response = await createRule(alice, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const problem = await response.json();
      expect(problem.code).toBe('VALIDATION_FAILED');
      if (field) expect(problem.field).toBe(field);
    }
  });

  it('matches ingested listings at once, alerts once, and tests a rule against stored listings', async () => {
    const rule = await (
      await createRule(alice, {
        name: 'Cheap road bike',
        keywords: ['road bike'],
        maxPrice: { amount: 30_000, currency: 'USD' },
      })
    ).json();
    const listings = [
      bike('rb1', 'Trek road bike 54cm', 25_000),
      bike('rb2', 'Road bike, carbon', 90_000),
      bike('mtb', 'Mountain bike', 20_000),
    ];
    for (let round = 0; round < 2; round++) {
      const ingest = await server.request('/listings/ingest', {
        method: 'POST',
        token: admin,
        json: { listings },
      });
      expect(ingest.status).toBe(200);
    }
    const alerts = await (await server.request('/alerts', { token: alice })).json();
    const mine = alerts.items.filter((a: { ruleId: string }) => a.ruleId === rule.id);
    expect(mine.map((a: { listingId: string }) => a.listingId)).toEqual(['feed:rb1']);
    expect(mine[0].reasons.join(' ')).toMatch(/road bike/);

    const tested = await (
      await server.request(`/deal-alert-rules/${rule.id}/test`, { method: 'POST', token: alice })
    ).json();
    expect(tested.count).toBe(1);
    expect(tested.matches[0].listing.id).toBe('feed:rb1');
    expect(
      (await (await server.request(`/deal-alert-rules/${rule.id}`, { token: alice })).json()).lastTriggeredAt,
    ).not.toBeNull();
  });
});
