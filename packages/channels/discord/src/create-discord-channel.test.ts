import { NotFoundError, NotificationDeliveryError, ValidationError } from '@deal-scout/core';
import { createOpenApiRequestValidator, errorText, loadSharedSpec } from '@deal-scout/testkit';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  executePath,
  executeUrl,
  messageResponse,
  webhookId,
  webhookToken,
  webhookUrl,
} from '../test/discord-fixtures';
import { expectRefused } from '../test/expect-refused';
import { createDiscordChannel } from './create-discord-channel';
import { getDiscordWebhook } from './get-discord-webhook';

const spec = loadSharedSpec('discord/openapi.json');

type Received = { url: URL; body: Record<string, unknown>; contentType: string | null };

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Answers execute-webhook with `respond` and records what Discord would have received. */
function discord(respond: (body: Record<string, unknown>, count: number) => Response): Received[] {
  const received: Received[] = [];
  server.use(
    http.post(executeUrl, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      received.push({ url: new URL(request.url), body, contentType: request.headers.get('content-type') });
      return respond(body, received.length);
    }),
  );
  return received;
}

const dealEmbed = {
  title: 'Gaming PC — RTX 3070, 32 GB',
  url: 'https://deals.example/l/ebay:123',
  description: '$420 · market $610 · deal score 87',
  color: 0x2ecc71,
  image: { url: 'https://img.example/pc.jpg' },
  fields: [
    { name: 'Price', value: '$420', inline: true },
    { name: 'Market', value: '$610', inline: true },
  ],
  footer: { text: 'Deal Scout · eBay' },
  timestamp: '2026-11-23T23:59:00.000Z',
};

const message = (
  discordFields: Record<string, unknown> = { embeds: [dealEmbed], username: 'Deal Scout' },
) => ({
  recipient: { kind: 'discord' as const, webhookUrl },
  text: 'New deal: Gaming PC for $420 @everyone',
  discord: discordFields,
});

async function sendError(promise: PromiseLike<unknown>): Promise<NotificationDeliveryError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(NotificationDeliveryError);
    return error as NotificationDeliveryError;
  }
  throw new Error('expected the send to fail');
}

describe.skipIf(spec === null)('createDiscordChannel against the execute_webhook spec', () => {
  const validator = spec ? createOpenApiRequestValidator(spec) : null;

  it('executes the webhook with wait=true, a spec-valid body and no mentions, returning the message id', async () => {
    const received = discord((body) => HttpResponse.json(messageResponse('111122223333444455', body)));
    const result = await createDiscordChannel().doSend(
      message({ embeds: [dealEmbed], username: 'Deal Scout', allowed_mentions: { parse: ['everyone'] } }),
      { idempotencyKey: 'n-1' },
    );
    expect(result).toEqual({ providerMessageId: '111122223333444455' });
    const [request] = received;
    expect(request?.url.searchParams.get('wait')).toBe('true');
    expect(request?.contentType).toMatch(/^application\/json/);
    expect(request?.body).toEqual({
      content: 'New deal: Gaming PC for $420 @everyone',
      embeds: [dealEmbed],
      username: 'Deal Scout',
      allowed_mentions: { parse: [] },
    });
    expect(validator!.json(executePath, 'post', request!.body)).toEqual([]);
  });

  it('sends a discordapp.com webhook to the canonical discord.com URL, into a thread when asked', async () => {
    const received = discord((body) => HttpResponse.json(messageResponse('2', body)));
    await createDiscordChannel().doSend(
      {
        ...message({ content: '', embeds: [dealEmbed] }),
        recipient: { kind: 'discord', webhookUrl: webhookUrl.replace('discord.com', 'discordapp.com') },
        channelOptions: { discord: { threadId: '555555555555555555' } },
      },
      { idempotencyKey: 'n-2' },
    );
    expect(`${received[0]?.url.origin}${received[0]?.url.pathname}`).toBe(executeUrl);
    expect(received[0]?.url.searchParams.get('thread_id')).toBe('555555555555555555');
    expect(received[0]?.body.content).toBeUndefined();
    expect(validator!.json(executePath, 'post', received[0]!.body)).toEqual([]);
  });

  it('posts into the thread a stored webhook URL names', async () => {
    const received = discord((body) => HttpResponse.json(messageResponse('5', body)));
    await createDiscordChannel().doSend(
      {
        ...message(),
        recipient: { kind: 'discord', webhookUrl: `${executeUrl}?thread_id=444444444444444444` },
      },
      { idempotencyKey: 'n-3' },
    );
    expect(received[0]?.url.searchParams.get('thread_id')).toBe('444444444444444444');
    expect(received[0]?.url.searchParams.get('wait')).toBe('true');
  });

  it('the spec check itself catches undocumented fields and broken limits', () => {
    expect(validator!.json(executePath, 'post', { content: 'x', priority: 'high' }).join()).toMatch(
      /priority/,
    );
    expect(validator!.json(executePath, 'post', { embeds: [{ title: 'x'.repeat(257) }] }).join()).toMatch(
      /256/,
    );
  });
});

describe('createDiscordChannel errors', () => {
  it.each([
    [404, { code: 10015, message: 'Unknown Webhook' }, 'endpoint_gone'],
    [401, { code: 50027, message: 'Invalid Webhook Token' }, 'endpoint_gone'],
    [400, { code: 50035, message: 'Invalid Form Body', errors: { embeds: { _errors: [] } } }, 'rejected'],
    [403, { code: 50013, message: 'Missing Permissions' }, 'rejected'],
    [413, null, 'rejected'],
    [500, { code: 0, message: 'Internal Server Error' }, 'transient'],
    [502, null, 'transient'],
  ] as const)('HTTP %i → %s', async (status, body, kind) => {
    discord(() =>
      body ? HttpResponse.json(body, { status }) : new HttpResponse('<html>bad gateway</html>', { status }),
    );
    const error = await sendError(createDiscordChannel().doSend(message(), { idempotencyKey: 'k' }));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.isRetryable).toBe(kind === 'transient');
    if (body) expect(error.providerCode).toBe(String(body.code));
    expect(errorText(error)).not.toContain(webhookToken);
  });

  it('429 retry_after (seconds) becomes retryAfterMs, and the webhook is not called again until it passes', async () => {
    let now = 1_000_000;
    const received = discord((_body, count) =>
      count === 1
        ? HttpResponse.json(
            { message: 'You are being rate limited.', retry_after: 1.5, global: false },
            {
              status: 429,
              headers: {
                'Retry-After': '2',
                'X-RateLimit-Limit': '5',
                'X-RateLimit-Remaining': '0',
                'X-RateLimit-Reset-After': '1.5',
                'X-RateLimit-Scope': 'shared',
              },
            },
          )
        : HttpResponse.json(messageResponse('3', {})),
    );
    const channel = createDiscordChannel({ now: () => now });
    const limited = await sendError(channel.doSend(message(), { idempotencyKey: 'k' }));
    expect(limited).toMatchObject({ kind: 'transient', retryAfterMs: 1500, status: 429 });
    expect(limited.message).toMatch(/shared rate limit/);

    now += 1000;
    const early = await sendError(channel.doSend(message(), { idempotencyKey: 'k' }));
    expect(early).toMatchObject({ kind: 'transient', retryAfterMs: 500 });
    expect(received).toHaveLength(1);

    now += 600;
    await expect(channel.doSend(message(), { idempotencyKey: 'k' })).resolves.toEqual({
      providerMessageId: '3',
    });
    expect(received).toHaveLength(2);
  });

  it('a success that empties the bucket (X-RateLimit-Remaining: 0) holds the next send for Reset-After', async () => {
    let now = 5_000;
    const received = discord((body) =>
      HttpResponse.json(messageResponse('4', body), {
        headers: {
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset-After': '2.25',
          'X-RateLimit-Limit': '5',
        },
      }),
    );
    const channel = createDiscordChannel({ now: () => now });
    await channel.doSend(message(), { idempotencyKey: 'a' });
    const held = await sendError(channel.doSend(message(), { idempotencyKey: 'b' }));
    expect(held.retryAfterMs).toBe(2250);
    expect(received).toHaveLength(1);
    now += 2250;
    await channel.doSend(message(), { idempotencyKey: 'b' });
    expect(received).toHaveLength(2);
  });

  it('falls back to the headers when retry_after looks like milliseconds', async () => {
    discord(() =>
      HttpResponse.json(
        { message: 'You are being rate limited.', retry_after: 4500, global: true },
        { status: 429, headers: { 'Retry-After': '5', 'X-RateLimit-Global': 'true' } },
      ),
    );
    const error = await sendError(createDiscordChannel().doSend(message(), { idempotencyKey: 'k' }));
    expect(error).toMatchObject({ kind: 'transient', retryAfterMs: 5000 });
    expect(error.message).toMatch(/global rate limit/);
  });

  it('a global 429 holds every webhook, not just the one that hit it', async () => {
    let now = 50_000;
    const other = `https://discord.com/api/v10/webhooks/1111111111111111111/${'t'.repeat(68)}`;
    let otherCalls = 0;
    server.use(
      http.post(other, () => {
        otherCalls += 1;
        return HttpResponse.json(messageResponse('8', {}));
      }),
    );
    discord(() =>
      HttpResponse.json(
        { message: 'You are being rate limited.', retry_after: 2, global: true },
        { status: 429, headers: { 'X-RateLimit-Global': 'true', 'X-RateLimit-Scope': 'global' } },
      ),
    );
    const channel = createDiscordChannel({ now: () => now });
    await sendError(channel.doSend(message(), { idempotencyKey: 'a' }));
    const held = await sendError(
      channel.doSend(
        { ...message(), recipient: { kind: 'discord', webhookUrl: other } },
        { idempotencyKey: 'b' },
      ),
    );
    expect(held.retryAfterMs).toBe(2000);
    expect(otherCalls).toBe(0);
    now += 2000;
    await channel.doSend(
      { ...message(), recipient: { kind: 'discord', webhookUrl: other } },
      { idempotencyKey: 'b' },
    );
    expect(otherCalls).toBe(1);
  });

  it('an unreachable Discord is transient and the token stays out of the error', async () => {
    server.use(http.post(executeUrl, () => HttpResponse.error()));
    const error = await sendError(createDiscordChannel().doSend(message(), { idempotencyKey: 'k' }));
    expect(error.kind).toBe('transient');
    expect(errorText(error)).not.toContain(webhookToken);
  });
});

describe('createDiscordChannel inputs', () => {
  it.each([
    [
      'an off-Discord webhook URL',
      { ...message(), recipient: { kind: 'discord', webhookUrl: 'https://evil.example/api/webhooks/1/2' } },
      'webhookUrl',
    ],
    [
      'an SMS recipient',
      { ...message(), recipient: { kind: 'sms', phone: '+14155550123' } },
      'recipient.kind',
    ],
    ['11 embeds', message({ embeds: Array.from({ length: 11 }, () => ({ title: 'x' })) }), 'discord.embeds'],
    ['a 257-character title', message({ embeds: [{ title: 'x'.repeat(257) }] }), 'discord.embeds[0].title'],
    [
      '26 fields',
      message({ embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'a', value: 'b' })) }] }),
      'discord.embeds[0].fields',
    ],
    [
      '6001 characters across embeds',
      message({ embeds: [{ description: 'x'.repeat(4000) }, { description: 'y'.repeat(2001) }] }),
      'discord.embeds',
    ],
    ['an undocumented field', message({ tts: true }), 'discord'],
    ['a 257-emoji title', message({ embeds: [{ title: '🎮'.repeat(257) }] }), 'discord.embeds[0].title'],
    ['a crossposting flag', message({ flags: 1 << 1 }), 'discord.flags'],
    ['content over 2000 characters', { ...message(), text: 'x'.repeat(2001) }, 'text'],
    ['nothing to show', { ...message({}), text: '  ' }, 'text'],
  ])('refuses %s before any request', async (_label, input, field) => {
    const received = discord(() => HttpResponse.json(messageResponse('9', {})));
    const error = await createDiscordChannel()
      .doSend(input as Parameters<ReturnType<typeof createDiscordChannel>['doSend']>[0], {
        idempotencyKey: 'k',
      })
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expectRefused(error, field);
    expect(errorText(error)).not.toContain(webhookToken);
    expect(received).toHaveLength(0);
  });

  it('counts characters, not UTF-16 units: 256 emoji fit a title', async () => {
    const received = discord((body) => HttpResponse.json(messageResponse('6', body)));
    await createDiscordChannel().doSend(message({ embeds: [{ title: '🎮'.repeat(256) }] }), {
      idempotencyKey: 'k',
    });
    expect(received).toHaveLength(1);
  });

  it('declares limits under the documented global 50 requests per second', () => {
    const channel = createDiscordChannel();
    expect(channel.limits).toEqual({ concurrency: 10, intervalCap: 45, intervalMs: 1000 });
    expect(channel.capabilities).toEqual({ idempotentSends: false, html: false, images: true });
    expect(() => createDiscordChannel({ requestsPerSecond: 500 })).toThrow(/requestsPerSecond/);
  });
});

describe('getDiscordWebhook', () => {
  it('reads the webhook without its token', async () => {
    server.use(
      http.get(executeUrl, () =>
        HttpResponse.json({
          id: webhookId,
          type: 1,
          name: 'deals',
          channel_id: '987654321098765432',
          guild_id: '876543210987654321',
          application_id: null,
          avatar: null,
          token: webhookToken,
          url: webhookUrl,
        }),
      ),
    );
    const info = await getDiscordWebhook(webhookUrl);
    expect(info).toEqual({
      id: webhookId,
      type: 1,
      name: 'deals',
      channelId: '987654321098765432',
      guildId: '876543210987654321',
    });
    expect(JSON.stringify(info)).not.toContain(webhookToken);
  });

  it('a 404 is NotFoundError and an invalid URL is never requested', async () => {
    server.use(
      http.get(executeUrl, () =>
        HttpResponse.json({ code: 10015, message: 'Unknown Webhook' }, { status: 404 }),
      ),
    );
    await expect(getDiscordWebhook(webhookUrl)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDiscordWebhook('https://169.254.169.254/api/webhooks/1/2')).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
