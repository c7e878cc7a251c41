import { createHash } from 'node:crypto';
import {
  defaultEnvironment,
  type NotificationChannelV1,
  NotificationDeliveryError,
  PushSubscriptionSchema,
  parseChannelSettings,
  parseInput,
  refuseInvalidMessage,
  type SettingsEnvironment,
} from '@deal-scout/core';
import webpush from 'web-push';
import { z } from 'zod';
import { hostOf, mapPushError } from './map-push-error';
import { buildPushPayload } from './push-payload';

/** How soon the push service should wake the device (RFC 8030 §5.3). */
export type PushUrgency = 'very-low' | 'low' | 'normal' | 'high';

/** Settings of {@link createWebPushChannel}. */
export type WebPushChannelSettings = {
  /** VAPID contact, `mailto:` or `https:` (Safari refuses `https://localhost`). Default: env `VAPID_SUBJECT`. */
  readonly vapidSubject?: string;
  /** VAPID public key, URL-safe base64 (65 bytes). Default: env `VAPID_PUBLIC_KEY`. */
  readonly vapidPublicKey?: string;
  /** VAPID private key, URL-safe base64 (32 bytes). Secret. Default: env `VAPID_PRIVATE_KEY`. */
  readonly vapidPrivateKey?: string;
  /**
   * Seconds the push service keeps an undelivered message (`TTL`). Default: 86400 (a day; a deal
   * alert older than that is stale). web-push's own default is four weeks.
   */
  readonly ttlSeconds?: number;
  /** Default urgency. Default: `normal`. */
  readonly urgency?: PushUrgency;
  /** Requests per second across all push services. Not documented by the services. Default: 50. */
  readonly requestsPerSecond?: number;
  /** Requests in flight at once. Default: 10. */
  readonly concurrency?: number;
  /** Per-request timeout in milliseconds. Default: 10000. */
  readonly timeoutMs?: number;
  /**
   * Injected `fetch` that carries the encrypted request to the push service. Default: the global
   * `fetch`. Tests route `https://` endpoints to a local server through it.
   */
  readonly fetch?: typeof fetch;
  /** Where env fallbacks are read from. Default: `process.env`. */
  readonly env?: SettingsEnvironment;
};

const urlSafeBase64 = /^[A-Za-z0-9_-]+$/;
const SettingsSchema = z.object({
  vapidSubject: z
    .string({ error: 'is required (or set VAPID_SUBJECT)' })
    .refine(
      (value) => /^mailto:.+@.+/.test(value) || /^https:\/\/[^/]+/.test(value),
      'must be a mailto: or https: URL',
    ),
  vapidPublicKey: z
    .string({ error: 'is required (or set VAPID_PUBLIC_KEY)' })
    .regex(urlSafeBase64, 'must be URL-safe base64 without padding')
    .refine((key) => Buffer.from(key, 'base64url').length === 65, 'must decode to 65 bytes'),
  vapidPrivateKey: z
    .string({ error: 'is required (or set VAPID_PRIVATE_KEY)' })
    .regex(urlSafeBase64, 'must be URL-safe base64 without padding')
    .refine((key) => Buffer.from(key, 'base64url').length === 32, 'must decode to 32 bytes'),
  ttlSeconds: z.number().int().min(0).max(2_419_200),
  urgency: z.enum(['very-low', 'low', 'normal', 'high']),
  requestsPerSecond: z.number().int().min(1).max(10_000),
  concurrency: z.number().int().min(1).max(500),
  timeoutMs: z.number().int().min(1).max(120_000),
});

const RecipientSchema = z.object({ kind: z.literal('push'), subscription: PushSubscriptionSchema });
const PushOptionsSchema = z
  .object({
    ttlSeconds: z.number().int().min(0).max(2_419_200).optional(),
    urgency: z.enum(['very-low', 'low', 'normal', 'high']).optional(),
  })
  .optional();

/**
 * Creates the web push channel: each message is encrypted (aes128gcm) and VAPID-signed by the
 * `web-push` library (`generateRequestDetails`), then posted with `fetch`. The JSON payload is
 * `{ title: subject, body: text, ...message.push }`. Failures throw `NotificationDeliveryError`:
 * 404/410 → `endpoint_gone` (delete the subscription), 429 and 5xx → `transient`, 413 and other
 * 4xx → `rejected`.
 *
 * Each message carries a `Topic` derived from its idempotency key, so a resend after a crash
 * replaces the first copy while it is still queued at the push service; once the device has
 * received it, a resend shows again, so `idempotentSends` is false.
 *
 * Per-message options: `channelOptions['web-push'].ttlSeconds` and `.urgency`.
 * A message the channel cannot send as is (wrong recipient kind, a broken limit) is `rejected`
 * before any request, with the `ValidationError` naming the field as `cause`.
 *
 * @throws ConfigurationError when the VAPID subject or keys are missing or malformed.
 */
export function createWebPushChannel(settings: WebPushChannelSettings = {}): NotificationChannelV1 {
  const env = settings.env ?? defaultEnvironment();
  const resolved = parseChannelSettings(
    SettingsSchema,
    {
      vapidSubject: settings.vapidSubject ?? env.VAPID_SUBJECT,
      vapidPublicKey: settings.vapidPublicKey ?? env.VAPID_PUBLIC_KEY,
      vapidPrivateKey: settings.vapidPrivateKey ?? env.VAPID_PRIVATE_KEY,
      ttlSeconds: settings.ttlSeconds ?? 86_400,
      urgency: settings.urgency ?? 'normal',
      requestsPerSecond: settings.requestsPerSecond ?? 50,
      concurrency: settings.concurrency ?? 10,
      timeoutMs: settings.timeoutMs ?? 10_000,
    },
    'web-push',
  );
  const send = settings.fetch ?? globalThis.fetch;
  const vapidDetails = {
    subject: resolved.vapidSubject,
    publicKey: resolved.vapidPublicKey,
    privateKey: resolved.vapidPrivateKey,
  };

  return {
    specificationVersion: 'v1',
    channel: 'push',
    providerId: 'web-push',
    capabilities: { idempotentSends: false, html: false, images: true },
    limits: { concurrency: resolved.concurrency, intervalCap: resolved.requestsPerSecond, intervalMs: 1000 },
    async doSend(message, options) {
      const { subscription, pushOptions, payload } = refuseInvalidMessage('web-push', () => ({
        subscription: parseInput(RecipientSchema, message.recipient, {
          subject: 'push message',
          source: 'web-push',
          field: 'recipient',
        }).subscription,
        pushOptions: parseInput(PushOptionsSchema, message.channelOptions?.['web-push'], {
          subject: 'push message',
          source: 'web-push',
          field: "channelOptions['web-push']",
        }),
        payload: buildPushPayload(message),
      }));
      let details: ReturnType<typeof webpush.generateRequestDetails>;
      try {
        details = webpush.generateRequestDetails(
          { endpoint: subscription.endpoint, keys: subscription.keys },
          payload,
          {
            vapidDetails,
            TTL: pushOptions?.ttlSeconds ?? resolved.ttlSeconds,
            urgency: pushOptions?.urgency ?? resolved.urgency,
            topic: topicFor(options.idempotencyKey),
            contentEncoding: 'aes128gcm',
          },
        );
      } catch (error) {
        // web-push validates the subscription keys while encrypting; a subscription whose keys
        // are not a P-256 point and a 16-byte secret can never receive a message.
        const reason =
          error instanceof Error
            ? error.message.replaceAll(resolved.vapidPrivateKey, '[redacted]')
            : 'invalid';
        throw new NotificationDeliveryError({
          message: `The push subscription cannot be encrypted to: ${reason.slice(0, 200)}`,
          source: 'web-push',
          kind: 'invalid_recipient',
        });
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(details.headers)) {
        // fetch computes Content-Length itself.
        if (name.toLowerCase() !== 'content-length') headers.set(name, String(value));
      }
      const signal = options.signal
        ? AbortSignal.any([options.signal, AbortSignal.timeout(resolved.timeoutMs)])
        : AbortSignal.timeout(resolved.timeoutMs);

      let response: Response;
      try {
        const body = details.body ? new Uint8Array(details.body) : null;
        response = await send(details.endpoint, { method: 'POST', headers, body, signal });
      } catch (error) {
        const reason = options.signal?.aborted
          ? 'the send was aborted'
          : error instanceof Error && error.name === 'TimeoutError'
            ? 'no answer in time'
            : 'network error';
        throw new NotificationDeliveryError({
          message: `Could not reach ${hostOf(subscription.endpoint)}: ${reason}`,
          source: 'web-push',
          kind: 'transient',
        });
      }
      const body = await response.text().catch(() => '');
      if (response.status < 200 || response.status >= 300) {
        throw mapPushError(response.status, response.headers, subscription.endpoint, body);
      }
      // RFC 8030 §5: the push service names the message resource in Location.
      return { providerMessageId: response.headers.get('location') };
    },
  };
}

/** A push `Topic` (at most 32 URL-safe base64 characters) from the idempotency key. */
function topicFor(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 32);
}

/** Generates a VAPID key pair (URL-safe base64) once, to store as VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY. */
export function generateVapidKeys(): { readonly publicKey: string; readonly privateKey: string } {
  return webpush.generateVAPIDKeys();
}
