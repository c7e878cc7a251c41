import {
  type NotificationChannelV1,
  NotificationDeliveryError,
  parseChannelSettings,
  parseInput,
  refuseInvalidMessage,
} from '@deal-scout/core';
import { z } from 'zod';
import { createDiscordHttp } from './discord-http';
import { buildDiscordPayload } from './discord-payload';
import { createDiscordRateLimitMemory } from './discord-rate-limit-memory';
import { parseDiscordWebhookUrl } from './discord-webhook-url';
import { isGlobalRateLimit, mapDiscordSendError, readResetAfterMs } from './map-discord-error';

/** Settings of {@link createDiscordChannel}. Discord webhooks need no credentials. */
export type DiscordChannelSettings = {
  /**
   * Requests per second across all webhooks. Default: 45, under Discord's documented global limit
   * of 50 requests per second per IP for unauthenticated requests, leaving room for webhook checks
   * and test messages from the same host. Per-webhook limits (undocumented, about 5 per 2 s) are
   * handled from Discord's rate-limit headers.
   */
  readonly requestsPerSecond?: number;
  /** Requests in flight at once. Default: 10. */
  readonly concurrency?: number;
  /** Per-request timeout in milliseconds. Default: 10000. */
  readonly timeoutMs?: number;
  /** Injected `fetch` (tests, proxies, edge runtimes). Default: the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Milliseconds since the epoch; tests move it. Default: `Date.now`. */
  readonly now?: () => number;
};

const SettingsSchema = z.object({
  requestsPerSecond: z.number().int().min(1).max(50),
  concurrency: z.number().int().min(1).max(50),
  timeoutMs: z.number().int().min(1).max(120_000),
});

/** The rate-limit memory key for Discord's global limit (not a snowflake, so never a webhook id). */
const globalBucket = 'global';

const RecipientSchema = z.object({ kind: z.literal('discord'), webhookUrl: z.string() });
const ChannelOptionsSchema = z
  .object({
    threadId: z
      .string()
      .regex(/^\d{17,20}$/, 'must be a snowflake')
      .optional(),
  })
  .optional();

/**
 * Creates the Discord channel: one execute-webhook call (`POST /webhooks/{id}/{token}?wait=true`)
 * per message, with `allowed_mentions: { parse: [] }` always. Failures throw
 * `NotificationDeliveryError`: 404 and 401 → `endpoint_gone` (remove the webhook), 429 and 5xx →
 * `transient` with `retryAfterMs`, 400 and others → `rejected`. Webhook URLs are validated with
 * {@link parseDiscordWebhookUrl} and only the canonical discord.com URL is requested. Execute
 * webhook has no idempotency key, so `idempotentSends` is false.
 *
 * A message the channel cannot send as is (wrong recipient kind, a broken limit) is `rejected`
 * before any request, with the `ValidationError` naming the field as `cause`.
 *
 * Threads: a webhook URL with `?thread_id=` posts into that thread; `channelOptions.discord.threadId`
 * overrides it per message.
 */
export function createDiscordChannel(settings: DiscordChannelSettings = {}): NotificationChannelV1 {
  const resolved = parseChannelSettings(
    SettingsSchema,
    {
      requestsPerSecond: settings.requestsPerSecond ?? 45,
      concurrency: settings.concurrency ?? 10,
      timeoutMs: settings.timeoutMs ?? 10_000,
    },
    'discord',
  );
  const now = settings.now ?? Date.now;
  const http = createDiscordHttp({
    timeoutMs: resolved.timeoutMs,
    ...(settings.fetch ? { fetch: settings.fetch } : {}),
  });
  const buckets = createDiscordRateLimitMemory({ now });

  return {
    specificationVersion: 'v1',
    channel: 'discord',
    providerId: 'discord',
    capabilities: { idempotentSends: false, html: false, images: true },
    limits: { concurrency: resolved.concurrency, intervalCap: resolved.requestsPerSecond, intervalMs: 1000 },
    async doSend(message, options) {
      const { webhook, payload, channelOptions } = refuseInvalidMessage('discord', () => {
        const recipient = parseInput(RecipientSchema, message.recipient, {
          subject: 'Discord message',
          source: 'discord',
          field: 'recipient',
        });
        return {
          webhook: parseDiscordWebhookUrl(recipient.webhookUrl),
          payload: buildDiscordPayload(message),
          channelOptions: parseInput(ChannelOptionsSchema, message.channelOptions?.discord, {
            subject: 'Discord message',
            source: 'discord',
            field: 'channelOptions.discord',
          }),
        };
      });

      // A global 429 stops every webhook; a per-webhook one only that webhook.
      const waitMs = Math.max(buckets.waitMs(globalBucket), buckets.waitMs(webhook.id));
      if (waitMs > 0) {
        throw new NotificationDeliveryError({
          message: `Discord webhook ${webhook.id} is rate limited for another ${waitMs} ms`,
          source: 'discord',
          kind: 'transient',
          status: 429,
          retryAfterMs: waitMs,
        });
      }

      const url = new URL(webhook.url);
      url.searchParams.set('wait', 'true');
      const threadId = channelOptions?.threadId ?? webhook.threadId;
      if (threadId) url.searchParams.set('thread_id', threadId);
      const result = await http.request('post', url.toString(), { json: payload, signal: options.signal });
      if (!result.ok) {
        throw new NotificationDeliveryError({
          message: `Could not reach Discord: ${result.detail}`,
          source: 'discord',
          kind: 'transient',
        });
      }
      const remaining = Number(result.headers.get('x-ratelimit-remaining') ?? Number.NaN);
      const error =
        result.status >= 300
          ? mapDiscordSendError(result.status, result.body, result.headers, webhook.token)
          : null;
      buckets.record(webhook.id, {
        remaining: result.status === 429 ? 0 : Number.isFinite(remaining) ? remaining : null,
        resetAfterMs: error?.retryAfterMs ?? readResetAfterMs(result.headers),
      });
      if (result.status === 429 && isGlobalRateLimit(result.body, result.headers)) {
        buckets.record(globalBucket, { remaining: 0, resetAfterMs: error?.retryAfterMs ?? null });
      }
      if (error) throw error;
      const id = (result.body as { id?: unknown } | null)?.id;
      return { providerMessageId: typeof id === 'string' ? id : null };
    },
  };
}
