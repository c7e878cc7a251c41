import {
  createDealScout,
  createManualClock,
  NotificationDeliveryError,
  silentLogger,
} from '@deal-scout/core';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { executeUrl, messageResponse, webhookToken, webhookUrl } from '../test/discord-fixtures';
import { createDiscordChannel } from './create-discord-channel';

// The channel composed into the real runtime: preferences, outbox and dispatcher against a
// simulated execute-webhook endpoint.
const bodies: Record<string, unknown>[] = [];
let answer: (body: Record<string, unknown>) => Response = (body) =>
  HttpResponse.json(messageResponse('222233334444555566', body));

const server = setupServer(
  http.post(executeUrl, async ({ request }) => {
    const body = (await request.json()) as Record<string, unknown>;
    bodies.push(body);
    return answer(body);
  }),
);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  bodies.length = 0;
  answer = (body) => HttpResponse.json(messageResponse('222233334444555566', body));
});
afterAll(() => server.close());

function compose() {
  return createDealScout({
    clock: createManualClock('2026-11-24T15:00:00Z'),
    logger: silentLogger,
    channels: [createDiscordChannel()],
  });
}

const unknownWebhook = () => HttpResponse.json({ code: 10015, message: 'Unknown Webhook' }, { status: 404 });

describe('the Discord channel inside createDealScout', () => {
  it('registering a webhook posts a test message that pings no one', async () => {
    const scout = compose();
    const { preferences, test } = await scout.notifications.preferences.registerDiscordWebhook({
      userId: 'u1',
      webhookUrl: webhookUrl.replace('discord.com', 'discordapp.com'),
    });
    expect(test).toEqual({ sent: true, providerMessageId: '222233334444555566' });
    expect(preferences.channels).toContain('discord');
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.allowed_mentions).toEqual({ parse: [] });
  });

  it('registering a webhook Discord does not know removes it again and says so', async () => {
    const scout = compose();
    answer = unknownWebhook;
    const error = await scout.notifications.preferences
      .registerDiscordWebhook({ userId: 'u2', webhookUrl })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotificationDeliveryError);
    expect((error as NotificationDeliveryError).kind).toBe('endpoint_gone');
    expect((error as Error).message).not.toContain(webhookToken);
    expect((await scout.notifications.preferences.get('u2')).addresses.discordWebhookUrl).toBeUndefined();
  });

  it('a 404 while dispatching removes the webhook and fails the message without retrying', async () => {
    const scout = compose();
    await scout.notifications.preferences.registerDiscordWebhook({
      userId: 'u3',
      webhookUrl,
      sendTest: false,
    });
    answer = unknownWebhook;
    await scout.notifications.send({
      userId: 'u3',
      channel: 'discord',
      idempotencyKey: 'order-9',
      message: { kind: 'order_status', orderId: '9', itemTitle: 'Sony PlayStation 5', status: 'delivered' },
    });
    await scout.notifications.dispatcher.drain();

    expect(bodies).toHaveLength(1);
    const { items } = await scout.notifications.deliveries({ userId: 'u3' });
    expect(items[0]?.status).toBe('failed');
    expect(items[0]?.lastError).not.toContain(webhookToken);
    expect((await scout.notifications.preferences.get('u3')).addresses.discordWebhookUrl).toBeUndefined();
  });
});
