import {
  AuthenticationError,
  type DeliveryFailureKind,
  defaultEnvironment,
  parseChannelSettings,
  parseInput,
  type SettingsEnvironment,
  ValidationError,
} from '@deal-scout/core';
import { z } from 'zod';
import { twilioErrorCodeToFailureKind } from './map-twilio-error';
import { isValidTwilioSignature, type TwilioRequestParams } from './twilio-signature';

/** Message statuses Twilio reports (`api.v2010.account.message` `status`); new ones pass through. */
export type TwilioMessageStatus =
  | 'queued'
  | 'sending'
  | 'sent'
  | 'failed'
  | 'delivered'
  | 'undelivered'
  | 'receiving'
  | 'received'
  | 'accepted'
  | 'scheduled'
  | 'read'
  | 'partially_delivered'
  | 'canceled'
  | (string & {});

/** One delivery-status callback, verified and parsed. */
export type TwilioMessageStatusUpdate = {
  /** The message SID (`SM…`), the `providerMessageId` the channel returned when sending. */
  readonly messageSid: string;
  readonly status: TwilioMessageStatus;
  /** Twilio's error code for `failed`/`undelivered` messages (30003, 30006, 21610…); else `null`. */
  readonly errorCode: number | null;
  /**
   * What the failure means for delivery, for `failed` and `undelivered` messages (30006 →
   * `invalid_recipient`, 30003 → `transient`, unknown codes → `rejected`); `null` otherwise.
   */
  readonly failureKind: DeliveryFailureKind | null;
  readonly accountSid: string | null;
  readonly to: string | null;
  readonly from: string | null;
  /**
   * Every parameter Twilio sent. Twilio adds parameters without notice, so unknown ones are kept
   * rather than refused.
   */
  readonly params: Readonly<Record<string, string>>;
};

/** Settings of {@link createTwilioStatusCallbackHandler}. */
export type TwilioStatusCallbackSettings = {
  /** The signing key. Default: env `TWILIO_AUTH_TOKEN`. */
  readonly authToken?: string;
  /**
   * The callback URL exactly as given to Twilio (`statusCallbackUrl`). Use it when a proxy or load
   * balancer rewrites the scheme, host or port, which would otherwise break the signature.
   * Default: the incoming request's URL.
   */
  readonly publicUrl?: string;
  /** Largest body accepted, in bytes. Default: 65536. */
  readonly maxBodyBytes?: number;
  /** Where env fallbacks are read from. Default: `process.env`. */
  readonly env?: SettingsEnvironment;
};

/** Verifies and parses Twilio's delivery-status callbacks. */
export type TwilioStatusCallbackHandler = {
  /**
   * Verifies `X-Twilio-Signature` over the request and parses the callback. Answer Twilio with
   * 2xx on success and 403 on `SIGNATURE_INVALID`.
   * @throws AuthenticationError (`SIGNATURE_INVALID`) when the signature is missing or wrong.
   * @throws ValidationError when the body is too large, not a form, or lacks MessageSid/MessageStatus.
   */
  handle(request: Request): Promise<TwilioMessageStatusUpdate>;
  /** The same checks for frameworks that already parsed the body. */
  parse(input: {
    readonly url: string;
    readonly params: TwilioRequestParams;
    readonly signature: string | null | undefined;
  }): TwilioMessageStatusUpdate;
};

const HandlerSettingsSchema = z.object({
  authToken: z.string({ error: 'is required (or set TWILIO_AUTH_TOKEN)' }).min(1, 'must not be empty'),
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  maxBodyBytes: z.number().int().min(1024).max(10_485_760),
});

const CallbackSchema = z.object({
  MessageSid: z.string().regex(/^[A-Z]{2}[0-9a-fA-F]{32}$/, 'must be a message SID'),
  MessageStatus: z.string().min(1).max(40),
  ErrorCode: z.string().regex(/^\d*$/).optional(),
});

/**
 * Creates a handler for the `StatusCallback` requests Twilio posts as messages move through
 * queued → sent → delivered (or failed/undelivered).
 * @throws ConfigurationError when no auth token is configured.
 */
export function createTwilioStatusCallbackHandler(
  settings: TwilioStatusCallbackSettings = {},
): TwilioStatusCallbackHandler {
  const env = settings.env ?? defaultEnvironment();
  const resolved = parseChannelSettings(
    HandlerSettingsSchema,
    {
      authToken: settings.authToken ?? env.TWILIO_AUTH_TOKEN,
      publicUrl: settings.publicUrl,
      maxBodyBytes: settings.maxBodyBytes ?? 65_536,
    },
    'twilio',
  );

  const parse: TwilioStatusCallbackHandler['parse'] = ({ url, params, signature }) => {
    if (!isValidTwilioSignature({ authToken: resolved.authToken, url, params, signature })) {
      throw new AuthenticationError({
        message: signature ? 'X-Twilio-Signature did not verify' : 'X-Twilio-Signature is missing',
        signature: true,
        source: 'twilio',
      });
    }
    const flat = flatten(params);
    const callback = parseInput(CallbackSchema, flat, {
      subject: 'Twilio status callback',
      source: 'twilio',
    });
    const errorCode = callback.ErrorCode ? Number(callback.ErrorCode) : null;
    const failed = callback.MessageStatus === 'failed' || callback.MessageStatus === 'undelivered';
    return {
      messageSid: callback.MessageSid,
      status: callback.MessageStatus,
      errorCode,
      failureKind: failed ? (twilioErrorCodeToFailureKind(errorCode) ?? 'rejected') : null,
      accountSid: flat.AccountSid ?? null,
      to: flat.To ?? null,
      from: flat.From ?? null,
      params: flat,
    };
  };

  return {
    parse,
    async handle(request) {
      const contentType = request.headers.get('content-type') ?? '';
      if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
        throw invalidBody('content-type must be application/x-www-form-urlencoded');
      }
      const declared = Number(request.headers.get('content-length') ?? '0');
      if (declared > resolved.maxBodyBytes) throw invalidBody(`body exceeds ${resolved.maxBodyBytes} bytes`);
      const body = await readBoundedText(request, resolved.maxBodyBytes);
      return parse({
        url: resolved.publicUrl ?? request.url,
        params: formToParams(new URLSearchParams(body)),
        signature: request.headers.get('x-twilio-signature'),
      });
    },
  };
}

/** Collects a form into params, keeping repeated keys as arrays as Twilio signs them. */
export function formToParams(form: URLSearchParams): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key);
    params[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return params;
}

function flatten(params: TwilioRequestParams): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    flat[key] = typeof value === 'string' ? value : (value[value.length - 1] ?? '');
  }
  return flat;
}

/** Reads the body but stops at `maxBytes`, so a chunked flood cannot exhaust memory. */
async function readBoundedText(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw invalidBody(`body exceeds ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function invalidBody(message: string): ValidationError {
  return new ValidationError({
    issues: [{ field: 'body', message }],
    subject: 'Twilio status callback',
    source: 'twilio',
  });
}
