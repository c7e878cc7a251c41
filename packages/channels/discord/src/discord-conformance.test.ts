import { type InspectedDelivery, runChannelConformance } from '@deal-scout/testkit';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { executeUrl, messageResponse, webhookId, webhookToken, webhookUrl } from '../test/discord-fixtures';
import { createDiscordChannel } from './create-discord-channel';

// What the simulated execute-webhook endpoint received, and the failure it gives the next send.
let received: InspectedDelivery[] = [];
let nextFailure: { status: number; body: Record<string, unknown>; headers?: Record<string, string> } | null =
  null;
let ids = 0;

const server = setupServer(
  http.post(executeUrl, async ({ request }) => {
    const body = (await request.json()) as Record<string, unknown>;
    if (nextFailure) {
      const failure = nextFailure;
      nextFailure = null;
      return HttpResponse.json(failure.body, {
        status: failure.status,
        ...(failure.headers ? { headers: failure.headers } : {}),
      });
    }
    received.push({ to: webhookId, text: String(body.content ?? '') });
    return HttpResponse.json(messageResponse(String(100_000_000_000_000_000n + BigInt(++ids)), body));
  }),
);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

const failWith = (status: number, body: Record<string, unknown>, headers?: Record<string, string>) => () => {
  nextFailure = { status, body, ...(headers ? { headers } : {}) };
};

runChannelConformance({
  name: 'discord',
  create: () => {
    received = [];
    nextFailure = null;
    return { subject: createDiscordChannel() };
  },
  recipient: { kind: 'discord', webhookUrl },
  inspect: () => received,
  failures: {
    transient: failWith(
      429,
      { message: 'You are being rate limited.', retry_after: 0.25, global: false },
      { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset-After': '0.25' },
    ),
    endpoint_gone: failWith(404, { code: 10015, message: 'Unknown Webhook' }),
    rejected: failWith(400, { code: 50035, message: 'Invalid Form Body' }),
  },
  secrets: [webhookToken],
});
