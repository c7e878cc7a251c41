import {
  AdapterError,
  AuthenticationError,
  type DealScoutError,
  defaultEnvironment,
  NotFoundError,
  NotificationDeliveryError,
  PhoneNumberSchema,
  parseChannelSettings,
  parseInput,
  parseRetryAfterMs,
  RateLimitedError,
  ValidationError,
} from '@deal-scout/core';
import { z } from 'zod';
import { readTwilioErrorBody, twilioErrorCodeToFailureKind } from './map-twilio-error';
import { resolveTwilioCredentials, type TwilioCredentialSettings } from './twilio-credentials';
import { createTwilioHttp, type TwilioHttpFailure, type TwilioHttpResponse } from './twilio-http';

/** Settings of {@link createTwilioVerify}. */
export type TwilioVerifySettings = TwilioCredentialSettings & {
  /** Verify Service SID (`VA` + 32 hex). Default: env `TWILIO_VERIFY_SERVICE_SID`. */
  readonly serviceSid?: string;
  /** Verify API origin. Default: `https://verify.twilio.com`. */
  readonly baseUrl?: string;
};

/** How the code is delivered. */
export type TwilioVerifyChannel = 'sms' | 'call' | 'whatsapp' | 'email';

/** A verification as Twilio reports it. */
export type TwilioVerification = {
  /** Verification SID (`VE…`). */
  readonly sid: string;
  readonly to: string;
  readonly channel: string;
  /** `pending`, `approved`, `canceled`, `max_attempts_reached`, `deleted`, `failed` or `expired`. */
  readonly status: string;
  /** True only when the code was checked and approved. */
  readonly valid: boolean;
};

/** One-time codes through Twilio Verify. */
export type TwilioVerify = {
  /**
   * Sends a one-time code (`POST /v2/Services/{ServiceSid}/Verifications`). Codes expire after 10
   * minutes; Twilio allows 5 sends per verification.
   * @throws ValidationError for a malformed recipient.
   * @throws NotificationDeliveryError when the code could not be sent (`kind` as for SMS).
   * @throws RateLimitedError on HTTP 429 (60203: too many sends), with `retryAfterMs` when given.
   * @throws AuthenticationError when the credentials are refused.
   */
  start(
    input: { readonly to: string; readonly channel?: TwilioVerifyChannel; readonly locale?: string },
    options?: { readonly signal?: AbortSignal },
  ): Promise<TwilioVerification>;
  /**
   * Checks a code (`POST /v2/Services/{ServiceSid}/VerificationCheck`). A wrong code resolves
   * with `valid: false` and `status: 'pending'`.
   * @throws NotFoundError when no pending verification exists (expired, approved or never started).
   * @throws RateLimitedError on HTTP 429 (60202: more than 5 checks).
   * @throws ValidationError for a malformed code or recipient.
   */
  check(
    input:
      | { readonly to: string; readonly code: string }
      | { readonly verificationSid: string; readonly code: string },
    options?: { readonly signal?: AbortSignal },
  ): Promise<TwilioVerification>;
};

const VerifySettingsSchema = z.object({
  serviceSid: z
    .string({ error: 'is required (or set TWILIO_VERIFY_SERVICE_SID)' })
    .regex(/^VA[0-9a-fA-F]{32}$/, 'must be VA followed by 32 hex digits'),
  baseUrl: z.url({ protocol: /^https?$/ }),
});

const StartSchema = z.discriminatedUnion('channel', [
  z.object({
    channel: z.enum(['sms', 'call', 'whatsapp']),
    to: PhoneNumberSchema,
    locale: z.string().max(10).optional(),
  }),
  z.object({ channel: z.literal('email'), to: z.email().max(320), locale: z.string().max(10).optional() }),
]);

const CodeSchema = z.string().regex(/^[0-9A-Za-z]{4,10}$/, 'must be 4 to 10 letters or digits');
const CheckSchema = z.union([
  z.object({ to: z.union([PhoneNumberSchema, z.email().max(320)]), code: CodeSchema }),
  z.object({ verificationSid: z.string().regex(/^VE[0-9a-fA-F]{32}$/), code: CodeSchema }),
]);

const VerificationSchema = z.object({
  sid: z.string(),
  to: z.string(),
  channel: z.string(),
  status: z.string(),
  valid: z.boolean(),
});

/**
 * Creates a Twilio Verify client for one-time codes (phone verification when a user adds an SMS
 * number, sign-in codes).
 * @throws ConfigurationError when credentials or the service SID are missing or malformed.
 */
export function createTwilioVerify(settings: TwilioVerifySettings = {}): TwilioVerify {
  const credentials = resolveTwilioCredentials(settings);
  const env = settings.env ?? defaultEnvironment();
  const resolved = parseChannelSettings(
    VerifySettingsSchema,
    {
      serviceSid: settings.serviceSid ?? env.TWILIO_VERIFY_SERVICE_SID,
      baseUrl: settings.baseUrl ?? 'https://verify.twilio.com',
    },
    'twilio',
  );
  const http = createTwilioHttp(credentials);
  const serviceUrl = (path: string) =>
    new URL(`/v2/Services/${resolved.serviceSid}/${path}`, resolved.baseUrl).toString();

  return {
    async start(input, options = {}) {
      const parsed = parseInput(
        StartSchema,
        { channel: 'sms', ...input },
        { subject: 'verification request', source: 'twilio' },
      );
      const form = new URLSearchParams({ To: parsed.to, Channel: parsed.channel });
      if (parsed.locale) form.set('Locale', parsed.locale);
      const result = await http.postForm(serviceUrl('Verifications'), form, options.signal);
      if (!result.ok) throw transportError(result, 'start');
      if (result.status !== 201 && result.status !== 200) throw mapVerifyError(result, 'start');
      return readVerification(result.body);
    },
    async check(input, options = {}) {
      const parsed = parseInput(CheckSchema, input, { subject: 'verification check', source: 'twilio' });
      const form = new URLSearchParams({ Code: parsed.code });
      if ('to' in parsed) form.set('To', parsed.to);
      else form.set('VerificationSid', parsed.verificationSid);
      const result = await http.postForm(serviceUrl('VerificationCheck'), form, options.signal);
      if (!result.ok) throw transportError(result, 'check');
      if (result.status === 404) {
        throw new NotFoundError({
          resource: 'Twilio verification',
          id: 'to' in parsed ? maskRecipient(parsed.to) : parsed.verificationSid,
          source: 'twilio',
        });
      }
      if (result.status !== 201 && result.status !== 200) throw mapVerifyError(result, 'check');
      return readVerification(result.body);
    },
  };
}

function readVerification(body: unknown): TwilioVerification {
  const parsed = VerificationSchema.safeParse(body);
  if (!parsed.success) {
    throw new AdapterError({
      source: 'twilio',
      operation: 'verify',
      message: 'Twilio Verify answered with an unexpected body',
    });
  }
  return parsed.data;
}

function mapVerifyError(response: TwilioHttpResponse, operation: 'start' | 'check'): DealScoutError {
  const error = readTwilioErrorBody(response.body);
  const described = `${error.code == null ? `HTTP ${response.status}` : `error ${error.code} (HTTP ${response.status})`}${error.message ? `: ${error.message}` : ''}`;
  if (response.status === 401 || response.status === 403) {
    return new AuthenticationError({
      message: `Twilio Verify refused the credentials (${described}); check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN`,
      source: 'twilio',
    });
  }
  if (response.status === 429) {
    return new RateLimitedError({
      message: `Twilio Verify rate limit: ${described}`,
      retryAfterMs: parseRetryAfterMs(response.headers.get('retry-after')),
      source: 'twilio',
    });
  }
  const kind = twilioErrorCodeToFailureKind(error.code);
  if (operation === 'start' && (kind !== null || response.status >= 500)) {
    return new NotificationDeliveryError({
      message: `Twilio Verify could not send the code: ${described}`,
      source: 'twilio',
      kind: kind ?? 'transient',
      status: response.status,
      providerCode: error.code,
    });
  }
  if (response.status >= 500) {
    return new AdapterError({
      source: 'twilio',
      operation: `verify.${operation}`,
      message: `Twilio Verify failed: ${described}`,
      isRetryable: true,
    });
  }
  return new ValidationError({
    issues: [{ field: operation === 'start' ? 'to' : 'code', message: `Twilio refused it: ${described}` }],
    subject: operation === 'start' ? 'verification request' : 'verification check',
    source: 'twilio',
  });
}

function transportError(failure: TwilioHttpFailure, operation: 'start' | 'check'): DealScoutError {
  if (operation === 'start') {
    return new NotificationDeliveryError({
      message: `Could not reach Twilio Verify: ${failure.detail}`,
      source: 'twilio',
      kind: 'transient',
    });
  }
  return new AdapterError({
    source: 'twilio',
    operation: 'verify.check',
    message: `Could not reach Twilio Verify: ${failure.detail}`,
    isRetryable: true,
  });
}

/** `+14155550123` → `+1415•••0123`: enough to recognise, not enough to harvest. */
function maskRecipient(to: string): string {
  return to.length <= 8 ? '•••' : `${to.slice(0, 5)}•••${to.slice(-4)}`;
}
