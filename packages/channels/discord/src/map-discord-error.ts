import { type DeliveryFailureKind, NotificationDeliveryError, parseRetryAfterMs } from '@deal-scout/core';

/** Discord's error body: `{ code, message, errors? }`, plus `retry_after`/`global` on 429. */
type DiscordErrorBody = {
  readonly code: number | null;
  readonly message: string | null;
  readonly retryAfterSeconds: number | null;
  readonly global: boolean;
};

/** Reads Discord's error body, tolerating anything else (a Cloudflare page, an empty body). */
export function readDiscordErrorBody(body: unknown): DiscordErrorBody {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  return {
    code: typeof record.code === 'number' ? record.code : null,
    message: typeof record.message === 'string' ? record.message.slice(0, 200) : null,
    retryAfterSeconds:
      typeof record.retry_after === 'number' && record.retry_after >= 0 ? record.retry_after : null,
    global: record.global === true,
  };
}

/**
 * How long Discord asked us to wait, in milliseconds: the body's `retry_after` (seconds, with
 * decimals), else `Retry-After`, else `X-RateLimit-Reset-After`. A `retry_after` above an hour
 * has been seen in milliseconds by mistake, so the headers win then.
 */
export function discordRetryAfterMs(body: DiscordErrorBody, headers: Headers): number | null {
  const fromBody = body.retryAfterSeconds;
  const fromHeader = parseRetryAfterMs(headers.get('retry-after'));
  const fromReset = readResetAfterMs(headers);
  if (fromBody !== null && (fromBody <= 3600 || (fromHeader === null && fromReset === null))) {
    return Math.ceil(fromBody * 1000);
  }
  return fromHeader ?? fromReset;
}

/** Whether a 429 is Discord's global limit (`"global": true` or `X-RateLimit-Global`), which stops every webhook. */
export function isGlobalRateLimit(body: unknown, headers: Headers): boolean {
  return readDiscordErrorBody(body).global || headers.get('x-ratelimit-global') === 'true';
}

/** `X-RateLimit-Reset-After` (seconds, decimals) in milliseconds, or `null`. */
export function readResetAfterMs(headers: Headers): number | null {
  const value = Number(headers.get('x-ratelimit-reset-after') ?? Number.NaN);
  return Number.isFinite(value) && value >= 0 ? Math.ceil(value * 1000) : null;
}

/**
 * Maps a failed execute-webhook call: 404 (10015 Unknown Webhook) and 401 (50027 Invalid Webhook
 * Token) mean the webhook is gone ("if a webhook returns a 404 you should not attempt to use it
 * again"); 429 and 5xx are transient; 400 (50035 Invalid Form Body), 403, 413 and the rest are
 * `rejected`. Messages carry Discord's code and text, never the webhook token.
 */
export function mapDiscordSendError(
  status: number,
  body: unknown,
  headers: Headers,
  secret?: string,
): NotificationDeliveryError {
  const error = readDiscordErrorBody(body);
  // Discord does not echo tokens today; redact anyway so a change on its side cannot leak one.
  const text = error.message && secret ? error.message.replaceAll(secret, '[redacted]') : error.message;
  const kind: DeliveryFailureKind =
    status === 404 || status === 401
      ? 'endpoint_gone'
      : status === 429 || status >= 500
        ? 'transient'
        : 'rejected';
  const retryAfterMs = kind === 'transient' ? discordRetryAfterMs(error, headers) : null;
  const described = error.code === null ? `HTTP ${status}` : `error ${error.code} (HTTP ${status})`;
  const scope =
    status === 429
      ? ` [${error.global ? 'global' : (headers.get('x-ratelimit-scope') ?? 'webhook')} rate limit]`
      : '';
  return new NotificationDeliveryError({
    message: `Discord refused the webhook message with ${described}${text ? `: ${text}` : ''}${scope}`,
    source: 'discord',
    kind,
    status,
    providerCode: error.code,
    retryAfterMs,
  });
}
