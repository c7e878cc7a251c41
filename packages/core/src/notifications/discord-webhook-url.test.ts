import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error';
import { DiscordWebhookUrlSchema, isDiscordWebhookUrl, parseDiscordWebhookUrl } from './discord-webhook-url';

const id = '123456789012345678';
const token = `AbC-_${'x'.repeat(63)}`;

describe('Discord webhook URL validation', () => {
  it('accepts Discord hosts and normalises to discord.com/api/v10', () => {
    for (const host of ['discord.com', 'discordapp.com', 'ptb.discord.com', 'canary.discord.com']) {
      expect(parseDiscordWebhookUrl(`https://${host}/api/webhooks/${id}/${token}`).url).toBe(
        `https://discord.com/api/v10/webhooks/${id}/${token}`,
      );
    }
    expect(
      parseDiscordWebhookUrl(
        `https://discord.com/api/v9/webhooks/${id}/${token}?thread_id=987654321098765432`,
      ),
    ).toEqual({
      id,
      token,
      threadId: '987654321098765432',
      url: `https://discord.com/api/v10/webhooks/${id}/${token}?thread_id=987654321098765432`,
    });
  });

  it('refuses anything that could send a request elsewhere', () => {
    const refused = [
      `http://discord.com/api/webhooks/${id}/${token}`,
      `https://evil.com/api/webhooks/${id}/${token}`,
      `https://discord.com.evil.com/api/webhooks/${id}/${token}`,
      `https://evildiscord.com/api/webhooks/${id}/${token}`,
      `https://discord.com:8443/api/webhooks/${id}/${token}`,
      `https://user:pass@discord.com/api/webhooks/${id}/${token}`,
      `https://discord.com/api/webhooks/${id}/${token}#x`,
      `https://discord.com/api/webhooks/${id}/${token}?wait=true`,
      `https://discord.com/api/webhooks/${id}/${token}/../../users/@me`,
      `https://discord.com:443/api/webhooks/${id}/${token}`,
      `https://ptb.discordapp.com/api/webhooks/${id}/${token}`,
      `https://discord.com/api/webhooks/abc/${token}`,
      `https://discord.com/api/webhooks/${id}/short`,
      `https://127.0.0.1/api/webhooks/${id}/${token}`,
      'not a url',
    ];
    for (const url of refused) {
      expect(isDiscordWebhookUrl(url), url).toBe(false);
      expect(() => parseDiscordWebhookUrl(url), url).toThrow(ValidationError);
    }
  });

  it('names what is wrong without echoing the URL, which holds the token', () => {
    const error = (() => {
      try {
        parseDiscordWebhookUrl(`https://evil.com/api/webhooks/${id}/${token}`);
      } catch (thrown) {
        return thrown as ValidationError;
      }
      return null;
    })();
    expect(error?.field).toBe('webhookUrl');
    expect(error?.message).toContain('must be on discord.com');
    expect(error?.message).not.toContain(token);
  });

  it('reports an invalid URL as a schema issue without echoing it', () => {
    const result = DiscordWebhookUrlSchema.safeParse(`https://evil.com/api/webhooks/${id}/${token}`);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).not.toContain(token);
  });
});
