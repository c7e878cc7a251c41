import {
  ConfigurationError,
  defaultEnvironment,
  parseChannelSettings,
  type SettingsEnvironment,
} from '@deal-scout/core';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { z } from 'zod';

/** SMTP connection settings; every field falls back to an environment variable. */
export type SmtpSettings = {
  /**
   * The whole connection as a URL, `smtp://user:pass@host:587` (STARTTLS when offered) or
   * `smtps://user:pass@host:465` (TLS from the start). Default: env `SMTP_URL`. The separate
   * fields below override its parts.
   */
  readonly url?: string;
  /** Default: env `SMTP_HOST`. */
  readonly host?: string;
  /** Default: env `SMTP_PORT`, else 465 when `secure`, else 587. */
  readonly port?: number;
  /** TLS from the first byte (port 465). Default: env `SMTP_SECURE` (`true`/`false`), else `false`. */
  readonly secure?: boolean;
  /** Refuse to send when the server offers no STARTTLS. Default: `false`. */
  readonly requireTls?: boolean;
  /** Default: env `SMTP_USER` and `SMTP_PASSWORD`; none when unset (an open relay on localhost). */
  readonly auth?: { readonly user: string; readonly pass: string };
  /** Pooled connections kept open. Default: 5 (nodemailer's pool default). */
  readonly maxConnections?: number;
  /** Connection, greeting and socket timeout in milliseconds. Default: 10000. */
  readonly timeoutMs?: number;
  /** Where env fallbacks are read from. Default: `process.env`. */
  readonly env?: SettingsEnvironment;
};

const SmtpSchema = z.object({
  host: z.string({ error: 'is required (or set SMTP_URL or SMTP_HOST)' }).min(1).max(253),
  port: z.number().int().min(1).max(65_535),
  secure: z.boolean(),
  requireTLS: z.boolean(),
  auth: z.object({ user: z.string().min(1), pass: z.string().min(1) }).optional(),
  maxConnections: z.number().int().min(1).max(100),
  timeoutMs: z.number().int().min(100).max(300_000),
});

/**
 * Builds nodemailer pool options from settings, `SMTP_URL` and the other `SMTP_*` variables.
 * @throws ConfigurationError naming the bad field; the password is never echoed.
 */
export function resolveSmtpOptions(settings: SmtpSettings): SMTPPool.Options {
  const env = settings.env ?? defaultEnvironment();
  const fromUrl = parseSmtpUrl(settings.url ?? env.SMTP_URL);
  const secure = settings.secure ?? parseBoolean(env.SMTP_SECURE) ?? fromUrl.secure ?? false;
  const user = settings.auth?.user ?? env.SMTP_USER ?? fromUrl.user;
  const pass = settings.auth?.pass ?? env.SMTP_PASSWORD ?? fromUrl.pass;
  const parsed = parseChannelSettings(
    SmtpSchema,
    {
      host: settings.host ?? env.SMTP_HOST ?? fromUrl.host,
      port:
        settings.port ??
        (env.SMTP_PORT ? Number(env.SMTP_PORT) : undefined) ??
        fromUrl.port ??
        (secure ? 465 : 587),
      secure,
      requireTLS: settings.requireTls ?? false,
      auth: user !== undefined || pass !== undefined ? { user, pass } : undefined,
      maxConnections: settings.maxConnections ?? 5,
      timeoutMs: settings.timeoutMs ?? 10_000,
    },
    'email',
  );
  return {
    pool: true,
    host: parsed.host,
    port: parsed.port,
    secure: parsed.secure,
    requireTLS: parsed.requireTLS,
    ...(parsed.auth ? { auth: parsed.auth } : {}),
    maxConnections: parsed.maxConnections,
    connectionTimeout: parsed.timeoutMs,
    greetingTimeout: parsed.timeoutMs,
    socketTimeout: parsed.timeoutMs,
  };
}

type UrlParts = { host?: string; port?: number; secure?: boolean; user?: string; pass?: string };

function parseSmtpUrl(value: string | undefined): UrlParts {
  if (value === undefined || value === '') return {};
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Never echo the value: it usually holds the password.
    throw new ConfigurationError({
      message: 'Invalid settings: url (SMTP_URL) is not a valid URL',
      source: 'email',
    });
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigurationError({
      message: 'Invalid settings: url (SMTP_URL) must start with smtp:// or smtps://',
      source: 'email',
    });
  }
  return {
    host: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    secure: url.protocol === 'smtps:',
    ...(url.username ? { user: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { pass: decodeURIComponent(url.password) } : {}),
  };
}

function parseBoolean(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  return value === 'true' || value === '1';
}
