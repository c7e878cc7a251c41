import type { DealAlertRuleInput, Listing } from '@deal-scout/core';
import { adminEmail } from './start-bench-server';

/** What the load runs need (the user's bearer token and rule ids), and the alerts the ingest raised. */
export type SeededUser = {
  readonly token: string;
  readonly ruleIds: readonly string[];
  readonly alerts: number;
};

/** Settings of {@link seedBenchServer}. */
export type SeedSettings = {
  readonly origin: string;
  readonly rules: readonly DealAlertRuleInput[];
  readonly listings: readonly Listing[];
  /** Listings per `POST /listings/ingest` (the route takes at most 5000). */
  readonly batchSize: number;
  readonly onProgress?: (done: number, total: number) => void;
};

async function call(origin: string, path: string, init: { method?: string; token?: string; json?: unknown }) {
  const response = await fetch(`${origin}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

async function register(origin: string, email: string): Promise<string> {
  const body = await call(origin, '/auth/register', {
    method: 'POST',
    json: { email, password: 'correct horse battery staple' },
  });
  return (body.token as { accessToken: string }).accessToken;
}

/**
 * Sets the server up through its public API only: registers the admin and a user, creates the
 * user's rules, then ingests the listings as the admin (so they are priced and matched against
 * the rules as they arrive). Throws on any non-2xx answer or rejected listing.
 */
export async function seedBenchServer(settings: SeedSettings): Promise<SeededUser> {
  const { origin } = settings;
  const admin = await register(origin, adminEmail);
  const token = await register(origin, 'bench-user@example.com');
  const ruleIds: string[] = [];
  for (const rule of settings.rules) {
    ruleIds.push(
      (await call(origin, '/deal-alert-rules', { method: 'POST', token, json: rule })).id as string,
    );
  }
  const total = settings.listings.length;
  for (let start = 0; start < total; start += settings.batchSize) {
    const listings = settings.listings.slice(start, start + settings.batchSize);
    const result = await call(origin, '/listings/ingest', {
      method: 'POST',
      token: admin,
      json: { listings },
    });
    if (result.rejected !== 0)
      throw new Error(`ingest rejected listings: ${JSON.stringify(result.rejections)}`);
    settings.onProgress?.(Math.min(start + settings.batchSize, total), total);
  }
  // The ingest matched the listings against the rules: count the alerts it raised, page by page.
  let alerts = 0;
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await call(origin, `/alerts?limit=100${query}`, { token });
    alerts += (page.items as unknown[]).length;
    cursor = page.nextCursor as string | null;
  } while (cursor);
  return { token, ruleIds, alerts };
}
