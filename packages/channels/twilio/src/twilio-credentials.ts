import { defaultEnvironment, parseChannelSettings, type SettingsEnvironment } from '@deal-scout/core';
import { z } from 'zod';

/** Twilio account credentials shared by the Messages and Verify clients. */
export type TwilioCredentialSettings = {
  /** Account SID (`AC` + 32 hex). Default: env `TWILIO_ACCOUNT_SID`. */
  readonly accountSid?: string;
  /** Auth token, the Basic-auth password and the webhook signing key. Default: env `TWILIO_AUTH_TOKEN`. */
  readonly authToken?: string;
  /** Injected `fetch` (tests, proxies, edge runtimes). Default: the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Per-request timeout in milliseconds. Default: 10000. */
  readonly timeoutMs?: number;
  /** Where env fallbacks are read from. Default: `process.env`. */
  readonly env?: SettingsEnvironment;
};

export const AccountSidSchema = z
  .string()
  .regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC followed by 32 hex digits');

const CredentialsSchema = z.object({
  accountSid: z.string({ error: 'is required (or set TWILIO_ACCOUNT_SID)' }).pipe(AccountSidSchema),
  authToken: z.string({ error: 'is required (or set TWILIO_AUTH_TOKEN)' }).min(1, 'must not be empty'),
  timeoutMs: z.number().int().min(1).max(120_000),
});

/** Credentials after env fallbacks and validation. */
export type ResolvedTwilioCredentials = {
  readonly accountSid: string;
  readonly authToken: string;
  readonly fetch: typeof fetch | undefined;
  readonly timeoutMs: number;
};

/**
 * Fills credentials from the environment and validates them.
 * @throws ConfigurationError when the account SID or auth token is missing or malformed.
 */
export function resolveTwilioCredentials(settings: TwilioCredentialSettings): ResolvedTwilioCredentials {
  const env = settings.env ?? defaultEnvironment();
  const parsed = parseChannelSettings(
    CredentialsSchema,
    {
      accountSid: settings.accountSid ?? env.TWILIO_ACCOUNT_SID,
      authToken: settings.authToken ?? env.TWILIO_AUTH_TOKEN,
      timeoutMs: settings.timeoutMs ?? 10_000,
    },
    'twilio',
  );
  return { ...parsed, fetch: settings.fetch };
}
