import { z } from 'zod';

/**
 * Hosts that serve Discord's execute-webhook endpoint. `discordapp.com` is Discord's former
 * domain and still answers; `ptb.` and `canary.` are its client test channels. Nothing else is
 * accepted, so a stored "webhook URL" can never make the SDK call an arbitrary host.
 */
const discordHosts = new Set([
  'discord.com',
  'ptb.discord.com',
  'canary.discord.com',
  'discordapp.com',
  'ptb.discordapp.com',
  'canary.discordapp.com',
]);

/** `/api`, an optional `/v<n>`, `/webhooks/<snowflake id>/<token>`. */
const webhookPath = /^\/api(?:\/v\d{1,2})?\/webhooks\/(\d{17,20})\/([A-Za-z0-9_-]{60,100})\/?$/;

/** A parsed Discord webhook URL. `token` is a secret: never log it. */
export type DiscordWebhookParts = {
  readonly id: string;
  readonly token: string;
  /** The thread to post into, when the URL carried `?thread_id=`. */
  readonly threadId: string | null;
  /** The same webhook on `https://discord.com/api/v10/…`, the form the SDK stores and calls. */
  readonly url: string;
};

/**
 * Parses a Discord webhook URL strictly: `https:` only, one of Discord's own hosts, no port, no
 * credentials, no fragment, the `/api[/vN]/webhooks/{id}/{token}` path, and no query except
 * `thread_id`. Returns `null` for anything else (the reason is deliberately not echoed, since the
 * input may contain a token).
 */
export function parseDiscordWebhookUrl(input: string): DiscordWebhookParts | null {
  if (typeof input !== 'string' || input.length > 500) return null;
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return null;
  if (url.hash !== '' || !discordHosts.has(url.hostname.toLowerCase())) return null;
  const match = webhookPath.exec(url.pathname);
  if (!match) return null;
  let threadId: string | null = null;
  for (const [key, value] of url.searchParams) {
    if (key !== 'thread_id' || !/^\d{17,20}$/.test(value) || threadId !== null) return null;
    threadId = value;
  }
  const [, id, token] = match as unknown as [string, string, string];
  const normalised = `https://discord.com/api/v10/webhooks/${id}/${token}${threadId ? `?thread_id=${threadId}` : ''}`;
  return { id, token, threadId, url: normalised };
}

/** True when `input` is a Discord webhook URL {@link parseDiscordWebhookUrl} accepts. */
export function isDiscordWebhookUrl(input: string): boolean {
  return parseDiscordWebhookUrl(input) !== null;
}

/** A Discord webhook URL, validated strictly and normalised to `https://discord.com/api/v10/…`. */
export const DiscordWebhookUrlSchema = z
  .string()
  .max(500)
  .transform((value, ctx) => {
    const parsed = parseDiscordWebhookUrl(value);
    if (!parsed) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an https Discord webhook URL (https://discord.com/api/webhooks/{id}/{token})',
      });
      return z.NEVER;
    }
    return parsed.url;
  });
