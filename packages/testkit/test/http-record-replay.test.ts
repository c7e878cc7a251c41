import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationError } from '@deal-scout/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadJsonFixture, readHttpFixture, recordHttp, setupHttpReplay } from '../src';

describe('recordHttp and setupHttpReplay', () => {
  let server: Server;
  let base: string;
  let hits = 0;
  const dir = mkdtempSync(join(tmpdir(), 'deal-scout-http-'));
  const fixturePath = join(dir, 'nested', 'items.json');

  beforeAll(async () => {
    // A real HTTP server stands in for the marketplace: the recorder must reach it for real.
    server = createServer((request, response) => {
      hits++;
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        response.setHeader('content-type', 'application/json');
        response.setHeader('set-cookie', 'session=secret-session');
        response.statusCode = request.url?.startsWith('/missing') ? 404 : 200;
        response.end(JSON.stringify({ method: request.method, url: request.url, body, hit: hits }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true });
  });

  it('records real exchanges with credentials redacted, then replays them without the network', async () => {
    const recorder = recordHttp();
    try {
      const first = await fetch(`${base}/items?q=bike&limit=2`, {
        headers: { authorization: 'Bearer live-token' },
      });
      expect(await first.json()).toMatchObject({ hit: 1 });
      await fetch(`${base}/items?q=bike&limit=2`);
      await fetch(`${base}/items`, {
        method: 'POST',
        body: '{"title":"bike"}',
        headers: { 'content-type': 'application/json' },
      });
      expect((await fetch(`${base}/missing/1`)).status).toBe(404);
    } finally {
      recorder.close();
    }
    expect(hits).toBe(4);
    expect(recorder.exchanges).toHaveLength(4);
    await recorder.save(fixturePath, 'local test server');

    const text = readFileSync(fixturePath, 'utf8');
    expect(text).not.toContain('live-token');
    expect(text).not.toContain('secret-session');
    const fixture = await readHttpFixture(fixturePath);
    expect(fixture.exchanges[0]?.request.headers.authorization).toBe('[redacted]');
    expect(fixture.exchanges[2]?.request.body).toBe('{"title":"bike"}');

    const replay = setupHttpReplay(fixture);
    try {
      // Query order does not matter; same-URL requests get their recordings in order.
      const a = await (await fetch(`${base}/items?limit=2&q=bike`)).json();
      const b = await (await fetch(`${base}/items?q=bike&limit=2`)).json();
      expect([a.hit, b.hit]).toEqual([1, 2]);
      const posted = await fetch(`${base}/items`, { method: 'POST', body: '{}' });
      expect(await posted.json()).toMatchObject({ method: 'POST', body: '{"title":"bike"}' });
      expect((await fetch(`${base}/missing/1`)).status).toBe(404);
      expect(replay.state.unused()).toEqual([]);
      expect(replay.state.served).toHaveLength(4);
      await expect(fetch(`${base}/never-recorded`)).rejects.toThrow();
      expect(replay.state.unmatched).toEqual([`GET ${base}/never-recorded`]);
    } finally {
      replay.close();
    }
    expect(hits).toBe(4);
  });

  it('matches bodies when asked to', async () => {
    const fixture = await readHttpFixture(fixturePath);
    const replay = setupHttpReplay(fixture, { matchBody: true, repeat: 'none' });
    try {
      await expect(fetch(`${base}/items`, { method: 'POST', body: '{}' })).rejects.toThrow();
      const posted = await fetch(`${base}/items`, { method: 'POST', body: '{"title":"bike"}' });
      expect(posted.status).toBe(200);
      await expect(fetch(`${base}/items`, { method: 'POST', body: '{"title":"bike"}' })).rejects.toThrow();
    } finally {
      replay.close();
    }
  });
});

describe('loadJsonFixture', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deal-scout-json-'));
  afterAll(() => rmSync(dir, { recursive: true }));

  it('reads JSON relative to a folder and validates it, naming the bad field', async () => {
    writeFileSync(join(dir, 'item.json'), JSON.stringify({ itemId: 'v1|123|0', price: { value: 'abc' } }));
    expect(await loadJsonFixture('item.json', { base: dir })).toEqual({
      itemId: 'v1|123|0',
      price: { value: 'abc' },
    });
    const schema = z.object({ itemId: z.string(), price: z.object({ value: z.number() }) });
    const error = await loadJsonFixture('item.json', { base: dir, schema }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('price.value');
  });
});
