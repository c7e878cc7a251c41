import { ValidationError } from '@deal-scout/core';
import { describe, expect, it } from 'vitest';
import { DiscordWebhookUrlSchema, isDiscordWebhookUrl, parseDiscordWebhookUrl } from './discord-webhook-url';

const id = '1234567890123456789';
const token = 'Ab3_-xYz0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV01';
const canonical = `https://discord.com/api/v10/webhooks/${id}/${token}`;

describe('parseDiscordWebhookUrl', () => {
  it.each([
    `https://discord.com/api/webhooks/${id}/${token}`,
    `https://discordapp.com/api/webhooks/${id}/${token}`,
    `https://canary.discord.com/api/webhooks/${id}/${token}`,
    `https://ptb.discord.com/api/webhooks/${id}/${token}`,
    `https://discord.com/api/v10/webhooks/${id}/${token}`,
    `https://discord.com/api/v9/webhooks/${id}/${token}`,
    `  https://DISCORD.com/api/webhooks/${id}/${token}\n`,
  ])('accepts %s and normalises it to discord.com/api/v10', (url) => {
    expect(parseDiscordWebhookUrl(url)).toEqual({ id, token, threadId: null, url: canonical });
    expect(isDiscordWebhookUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', `http://discord.com/api/webhooks/${id}/${token}`, /https/],
    ['another host', `https://evil.example/api/webhooks/${id}/${token}`, /discord\.com/],
    ['a look-alike host', `https://discord.com.evil.example/api/webhooks/${id}/${token}`, /discord\.com/],
    ['another subdomain', `https://www.discord.com/api/webhooks/${id}/${token}`, /discord\.com/],
    ['a trailing-dot host', `https://discord.com./api/webhooks/${id}/${token}`, /discord\.com/],
    ['a lone IP', `https://162.159.128.233/api/webhooks/${id}/${token}`, /discord\.com/],
    ['credentials', `https://user:pass@discord.com/api/webhooks/${id}/${token}`, /credentials/],
    [
      'credentials hiding another host',
      `https://discord.com@evil.example/api/webhooks/${id}/${token}`,
      /credentials/,
    ],
    ['a backslash trick', `https://discord.com\\@evil.example/api/webhooks/${id}/${token}`, /credentials/],
    ['a port', `https://discord.com:8443/api/webhooks/${id}/${token}`, /port/],
    ['the default port spelled out', `https://discord.com:443/api/webhooks/${id}/${token}`, /port/],
    ['a query', `https://discord.com/api/webhooks/${id}/${token}?wait=true`, /query/],
    [
      'a thread id and more',
      `https://discord.com/api/webhooks/${id}/${token}?thread_id=${id}&wait=true`,
      /query/,
    ],
    [
      'two thread ids',
      `https://discord.com/api/webhooks/${id}/${token}?thread_id=${id}&thread_id=${id}`,
      /query/,
    ],
    ['a non-snowflake thread id', `https://discord.com/api/webhooks/${id}/${token}?thread_id=../x`, /query/],
    ['an empty query', `https://discord.com/api/webhooks/${id}/${token}?`, /query/],
    ['a fragment', `https://discord.com/api/webhooks/${id}/${token}#x`, /fragment/],
    ['an extra segment', `https://discord.com/api/webhooks/${id}/${token}/slack`, /webhooks/],
    ['a trailing slash', `https://discord.com/api/webhooks/${id}/${token}/`, /webhooks/],
    ['path traversal', `https://discord.com/api/webhooks/../../oauth2/${id}/${token}`, /webhooks/],
    ['an encoded path', `https://discord.com/api/webhooks/${id}/${token}%2F..`, /webhooks/],
    ['a non-snowflake id', `https://discord.com/api/webhooks/abc/${token}`, /webhooks/],
    ['a short token', `https://discord.com/api/webhooks/${id}/abc`, /webhooks/],
    [
      'a token with odd characters',
      `https://discord.com/api/webhooks/${id}/${token.slice(0, -1)}!`,
      /webhooks/,
    ],
    ['another API path', `https://discord.com/api/v10/channels/${id}/messages`, /webhooks/],
    ['a javascript: URL', 'javascript:alert(1)', /https/],
    ['no scheme', `discord.com/api/webhooks/${id}/${token}`, /https/],
  ])('refuses %s', (_label, url, reason) => {
    let caught: unknown;
    try {
      parseDiscordWebhookUrl(url);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).field).toBe('webhookUrl');
    expect((caught as Error).message).toMatch(reason);
    expect((caught as Error).message).not.toContain(token.slice(0, 20));
    expect(isDiscordWebhookUrl(url)).toBe(false);
  });

  it('keeps a thread id, the one query Discord webhook URLs carry (as core stores them)', () => {
    const thread = '987654321098765432';
    expect(
      parseDiscordWebhookUrl(`https://discordapp.com/api/webhooks/${id}/${token}?thread_id=${thread}`),
    ).toEqual({
      id,
      token,
      threadId: thread,
      url: `${canonical}?thread_id=${thread}`,
    });
    // What core's preferences store must round-trip unchanged.
    expect(parseDiscordWebhookUrl(`${canonical}?thread_id=${thread}`).url).toBe(
      `${canonical}?thread_id=${thread}`,
    );
  });

  it('refuses non-strings and overlong input', () => {
    expect(() => parseDiscordWebhookUrl(42)).toThrow(ValidationError);
    expect(() => parseDiscordWebhookUrl(`https://discord.com/api/webhooks/${id}/${'a'.repeat(600)}`)).toThrow(
      /500 characters/,
    );
  });

  it('works as a zod schema that outputs the canonical URL', () => {
    expect(DiscordWebhookUrlSchema.parse(`https://discordapp.com/api/webhooks/${id}/${token}`)).toBe(
      canonical,
    );
    const result = DiscordWebhookUrlSchema.safeParse('https://evil.example/api/webhooks/1/2');
    expect(result.success).toBe(false);
  });
});
