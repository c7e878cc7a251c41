import { ConfigurationError, formatIssuePath } from '@deal-scout/core';
import { z } from 'zod';

const optionalString = z.string().trim().min(1).optional();

/**
 * Every environment variable the server reads. With none set it runs on embedded defaults:
 * PGlite in `DATA_DIR`, in-memory search, in-process jobs, a replay marketplace serving the real
 * listings, and channels that record and log notifications.
 */
export const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    /** Where PGlite keeps its data; ignored when DATABASE_URL is set. */
    DATA_DIR: z.string().default('.data/pglite'),
    DATABASE_URL: z.url().optional(),
    /** PostgreSQL schema for the SDK's tables. */
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
      .default('deal_scout'),
    /** HS256 signing secret, at least 32 characters. Generated per process when absent (tokens then die with the process). */
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(2_592_000).default(3600),
    /** Comma-separated e-mail addresses that get the admin role when they register. */
    ADMIN_EMAILS: z.string().default(''),
    /** Base64 32-byte key that encrypts marketplace tokens at rest. Generated per process when absent. */
    TOKEN_ENCRYPTION_KEY: optionalString,
    PUBLIC_BASE_URL: z.url().default('http://127.0.0.1:3000'),
    /**
     * Base of one-click unsubscribe links in emails; RFC 8058 requires https. Defaults to
     * PUBLIC_BASE_URL with an https scheme (production runs behind a TLS-terminating proxy).
     */
    UNSUBSCRIBE_BASE_URL: z.url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(1_048_576),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
    /** `false` to start with an empty store instead of the real Craigslist listings. */
    SEED_LISTINGS: z.enum(['true', 'false']).default('true'),
    EBAY_CLIENT_ID: optionalString,
    EBAY_CLIENT_SECRET: optionalString,
    EBAY_RU_NAME: optionalString,
    EBAY_ENVIRONMENT: z.enum(['sandbox', 'production']).default('sandbox'),
    EBAY_VERIFICATION_TOKEN: optionalString,
    /** The https URL registered with eBay for account-deletion notifications (the challenge hashes it). */
    EBAY_ENDPOINT_URL: z
      .url()
      .refine((value) => value.startsWith('https://'), 'must be an https URL')
      .optional(),
    /** The remaining eBay settings; `@deal-scout/ebay` checks their format (see its README). */
    EBAY_MARKETPLACE_ID: optionalString,
    EBAY_MERCHANT_LOCATION_KEY: optionalString,
    EBAY_FULFILLMENT_POLICY_ID: optionalString,
    EBAY_PAYMENT_POLICY_ID: optionalString,
    EBAY_RETURN_POLICY_ID: optionalString,
    EBAY_DAILY_CALL_BUDGET: optionalString,
    FACEBOOK_APP_ID: optionalString,
    FACEBOOK_APP_SECRET: optionalString,
    FACEBOOK_VERIFY_TOKEN: optionalString,
    /** The Marketplace Partnership catalogue id; without it Facebook cannot be posted to. */
    FACEBOOK_CATALOG_ID: optionalString,
    TWILIO_ACCOUNT_SID: optionalString,
    TWILIO_AUTH_TOKEN: optionalString,
    TWILIO_FROM_NUMBER: optionalString,
    SMTP_URL: z.url().optional(),
    SMTP_FROM: optionalString,
    VAPID_SUBJECT: optionalString,
    VAPID_PUBLIC_KEY: optionalString,
    VAPID_PRIVATE_KEY: optionalString,
    /** `true` to send Discord webhooks for real; otherwise Discord alerts are recorded and logged. */
    DISCORD_ENABLED: z.enum(['true', 'false']).default('false'),
  })
  .superRefine((env, ctx) => {
    const groups: [string, (keyof typeof env)[]][] = [
      ['eBay', ['EBAY_CLIENT_ID', 'EBAY_CLIENT_SECRET']],
      ['Facebook', ['FACEBOOK_APP_ID', 'FACEBOOK_APP_SECRET']],
      ['Twilio', ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM_NUMBER']],
      ['VAPID', ['VAPID_SUBJECT', 'VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY']],
    ];
    for (const [name, keys] of groups) {
      const set = keys.filter((key) => env[key] !== undefined);
      if (set.length > 0 && set.length < keys.length) {
        for (const key of keys.filter((k) => env[k] === undefined)) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `is required when other ${name} variables are set`,
          });
        }
      }
    }
    if (env.TOKEN_ENCRYPTION_KEY && Buffer.from(env.TOKEN_ENCRYPTION_KEY, 'base64').length !== 32) {
      ctx.addIssue({
        code: 'custom',
        path: ['TOKEN_ENCRYPTION_KEY'],
        message: 'must be 32 bytes, base64-encoded',
      });
    }
  });

export type Env = z.output<typeof EnvSchema>;

/** Reads and validates the environment; every problem is listed in one clear error. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const relevant = Object.fromEntries(
    Object.keys(EnvSchema.shape).flatMap((key) =>
      source[key] === undefined || source[key] === '' ? [] : [[key, source[key]]],
    ),
  );
  const result = EnvSchema.safeParse(relevant);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${formatIssuePath(issue.path)}: ${issue.message}`);
  throw new ConfigurationError({
    source: 'reference-server',
    message: `invalid environment:\n${lines.join('\n')}`,
  });
}
