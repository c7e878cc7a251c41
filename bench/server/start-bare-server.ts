import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/** The baseline: a trivial Hono route on `@hono/node-server`, served like the real server. */
export type BareServer = { readonly origin: string; close(): Promise<void> };

/** Serves `GET /bare` → `{"ok":true}` on `host` and a free port. */
export async function startBareServer(host: string): Promise<BareServer> {
  const app = new Hono();
  app.get('/bare', (c) => c.json({ ok: true }));
  const server = serve({ fetch: app.fetch, port: 0, hostname: host });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
