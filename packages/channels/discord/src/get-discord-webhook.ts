import { AdapterError, NotFoundError } from '@deal-scout/core';
import { createDiscordHttp } from './discord-http';
import { parseDiscordWebhookUrl } from './discord-webhook-url';

/** What Discord says about a webhook (no token). */
export type DiscordWebhookInfo = {
  readonly id: string;
  /** 1 Incoming, 2 Channel Follower, 3 Application. */
  readonly type: number;
  readonly name: string | null;
  readonly channelId: string | null;
  readonly guildId: string | null;
};

/**
 * Confirms a webhook exists before it is saved (`GET /webhooks/{id}/{token}`, which needs no
 * authentication and returns no user).
 * @throws ValidationError when the URL is not a Discord webhook URL (nothing is requested then).
 * @throws NotFoundError when Discord does not know the webhook or the token is wrong (404/401).
 * @throws AdapterError (retryable) when Discord could not be reached or failed.
 */
export async function getDiscordWebhook(
  webhookUrl: string,
  options: { readonly fetch?: typeof fetch; readonly timeoutMs?: number; readonly signal?: AbortSignal } = {},
): Promise<DiscordWebhookInfo> {
  const webhook = parseDiscordWebhookUrl(webhookUrl);
  const http = createDiscordHttp({
    timeoutMs: options.timeoutMs ?? 10_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const result = await http.request('get', webhook.url, { signal: options.signal });
  if (result.ok && (result.status === 404 || result.status === 401)) {
    throw new NotFoundError({ resource: 'Discord webhook', id: webhook.id, source: 'discord' });
  }
  if (!result.ok || result.status !== 200) {
    throw new AdapterError({
      source: 'discord',
      operation: 'getWebhook',
      message: result.ok
        ? `Discord answered HTTP ${result.status}`
        : `Could not reach Discord: ${result.detail}`,
      isRetryable: !result.ok || result.status === 429 || result.status >= 500,
    });
  }
  const body = (result.body ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    id: text(body.id) ?? webhook.id,
    type: typeof body.type === 'number' ? body.type : 1,
    name: text(body.name),
    channelId: text(body.channel_id),
    guildId: text(body.guild_id),
  };
}
