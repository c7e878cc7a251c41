import { z } from 'zod';
import { ValidationError } from '../errors/validation-error';

/**
 * The one Discord webhook URL validator of the SDK: core refuses anything else before storing or
 * calling a URL, and `@deal-scout/discord` uses the same rules, so a stored "webhook URL" can
 * never make the SDK reach another host.
 */

/** A Discord webhook, parsed from its URL. */
export type DiscordWebhook = {
  /** The webhook's snowflake id. Not secret. */
  readonly id: string;
  /** The webhook token: whoever holds it can post to the channel. Never log it. */
  readonly token: string;
  /** The thread to post into, when the URL carried `?thread_id=`; else `null`. */
  readonly threadId: string | null;
  /**
   * The canonical execute URL, `https://discord.com/api/v10/webhooks/{id}/{token}`, with
   * `?thread_id=` when the URL named a thread: the form preferences store and channels call.
   */
  readonly url: string;
};

/** Discord's own hosts: `discordapp.com` is its former domain, `canary.`/`ptb.` its test clients. */
const allowedHosts = new Set(['discord.com', 'discordapp.com', 'canary.discord.com', 'ptb.discord.com']);
// `/api/webhooks/{id}/{token}`, optionally versioned (`/api/v10/…`). Snowflakes are 17–20 digits
// today; tokens are URL-safe base64 (68 characters now), bounded so nothing else fits.
const pathPattern = /^\/api(?:\/v\d{1,2})?\/webhooks\/(\d{17,20})\/([A-Za-z0-9_-]{20,100})$/;
// Scheme, optional userinfo, host and optional port as written, before any normalisation.
const authorityPattern = /^https:\/\/([^/?#]*)/i;

/** `null` without a query, the thread id for exactly `?thread_id={snowflake}`, else `undefined`. */
function readThreadId(url: URL, raw: string): string | null | undefined {
  if (url.search === '') return raw.includes('?') ? undefined : null;
  const entries = [...url.searchParams];
  const [entry] = entries;
  if (entries.length !== 1 || entry?.[0] !== 'thread_id' || !/^\d{17,20}$/.test(entry[1])) return undefined;
  return entry[1];
}

/** The parsed webhook, or what is wrong with the value (never echoing it: it holds the token). */
function findProblem(value: unknown): string | DiscordWebhook {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length > 500) return 'must be at most 500 characters';
  const raw = value.trim();
  const authority = authorityPattern.exec(raw)?.[1];
  if (authority === undefined) return 'must be an https:// URL';
  if (authority.includes('@')) return 'must not contain credentials';
  if (authority.includes(':')) return 'must not name a port';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be a valid URL';
  }
  if (!allowedHosts.has(url.hostname)) {
    return 'must be on discord.com, discordapp.com, canary.discord.com or ptb.discord.com';
  }
  if (url.hash !== '' || raw.includes('#')) return 'must not have a fragment';
  const threadId = readThreadId(url, raw);
  if (threadId === undefined) return 'must not have a query string other than one thread_id={snowflake}';
  const match = pathPattern.exec(url.pathname);
  // The raw path must already be canonical: `URL` resolves `..` and percent-escapes, which could
  // otherwise smuggle a different path past the pattern.
  if (!match || !raw.endsWith(`${url.pathname}${url.search}`)) return 'must be /api/webhooks/{id}/{token}';
  const [, id, token] = match as unknown as [string, string, string];
  const base = `https://discord.com/api/v10/webhooks/${id}/${token}`;
  return { id, token, threadId, url: threadId === null ? base : `${base}?thread_id=${threadId}` };
}

/**
 * Parses a Discord webhook URL strictly: `https` only; host exactly `discord.com`,
 * `discordapp.com`, `canary.discord.com` or `ptb.discord.com`; path
 * `/api[/vN]/webhooks/{snowflake}/{token}`; no credentials, no port, no fragment, and no query
 * except a single `thread_id={snowflake}`.
 *
 * @throws ValidationError (field `webhookUrl`) naming what is wrong, never echoing the URL.
 */
export function parseDiscordWebhookUrl(value: unknown): DiscordWebhook {
  const problem = findProblem(value);
  if (typeof problem === 'string') {
    throw new ValidationError({
      issues: [{ field: 'webhookUrl', message: problem }],
      subject: 'Discord webhook URL',
      source: 'discord',
    });
  }
  return problem;
}

/** True when {@link parseDiscordWebhookUrl} would accept the value. */
export function isDiscordWebhookUrl(value: unknown): boolean {
  return typeof findProblem(value) !== 'string';
}

/** The same rules as a zod schema (for preference inputs); outputs the canonical URL. */
export const DiscordWebhookUrlSchema = z.string().transform((value, context) => {
  const problem = findProblem(value);
  if (typeof problem !== 'string') return problem.url;
  context.addIssue({ code: 'custom', message: problem });
  return z.NEVER;
});
