import { createServer } from 'node:net';
import { ConfigurationError } from '@deal-scout/core';
import { createPgliteStorage } from '@deal-scout/pg';
import { describeWithSharedData } from '@deal-scout/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './start-test-server';

const started: TestServer[] = [];
afterEach(async () => {
  for (const server of started.splice(0)) await server.stop();
});

describe('start-up', () => {
  it('refuses a port that is already taken with a clear ConfigurationError', async () => {
    const first = await startTestServer();
    started.push(first);
    const port = new URL(first.url).port;
    const error = await startTestServer({ PORT: port }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(`port ${port} on 127.0.0.1 is already in use`);
    // The first server is unharmed.
    expect((await first.request('/health')).status).toBe(200);
  }, 120_000);
});

describe('while starting', () => {
  it('listens at once: /health ok, /ready and the API 503 with Retry-After until composed', async () => {
    const port = await freePort();
    const starting = startTestServer({ PORT: String(port) });
    const seen: { status: number; retryAfter: string | null; type: string | null; code?: string }[] = [];
    let settled = false;
    void starting.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled) {
      try {
        const health = await fetch(`http://127.0.0.1:${port}/health`);
        const api = await fetch(`http://127.0.0.1:${port}/deal-alert-rules`);
        const ready = await fetch(`http://127.0.0.1:${port}/ready`);
        if (!settled && api.status === 503) {
          expect(health.status).toBe(200);
          expect(ready.status).toBe(503);
          const body = (await api.json()) as { code: string };
          seen.push({
            status: api.status,
            retryAfter: api.headers.get('retry-after'),
            type: api.headers.get('content-type'),
            code: body.code,
          });
        }
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const server = await starting;
    started.push(server);
    // Initialising the embedded database takes seconds: the starting phase was seen.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toEqual({
      status: 503,
      retryAfter: '5',
      type: 'application/problem+json',
      code: 'STARTING',
    });
    // Once started, the same routes answer for real.
    expect((await server.request('/ready')).status).toBe(200);
    expect((await server.request('/deal-alert-rules')).status).toBe(401);
  }, 120_000);
});

describeWithSharedData('seeding the real listings', () => {
  it('answers at once while it seeds in the background, and a shutdown stops it between batches', async () => {
    const server = await startTestServer({ SEED_LISTINGS: 'true' });
    try {
      // The API is up before the seeding has finished.
      const state = await Promise.race([server.seeded.then(() => 'seeded'), Promise.resolve('seeding')]);
      expect(state).toBe('seeding');
      expect((await server.request('/health')).status).toBe(200);
      const user = await server.register('early@example.com');
      expect((await server.request('/deal-alert-rules', { token: user })).status).toBe(200);

      // Stopping waits for the batch under way and stops the seeding there.
      await server.close();
      await server.seeded;
      const storage = createPgliteStorage({ dataDir: server.dataDir });
      try {
        const stored = await storage.listings.count();
        expect(stored).toBeGreaterThan(0);
        expect(stored).toBeLessThan(11_140);
        // Whole batches only: an ingest batch is written atomically, nothing half-done.
        expect(stored % 250).toBe(0);
      } finally {
        await storage.close();
      }
    } finally {
      await server.stop();
    }
  }, 180_000);
});

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
