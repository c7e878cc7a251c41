import {
  defaultEnvironment,
  type NotificationChannelV1,
  PhoneNumberSchema,
  parseChannelSettings,
  parseInput,
  refuseInvalidMessage,
} from '@deal-scout/core';
import { z } from 'zod';
import { mapTwilioSendError, mapTwilioTransportFailure } from './map-twilio-error';
import { resolveTwilioCredentials, type TwilioCredentialSettings } from './twilio-credentials';
import { createTwilioHttp } from './twilio-http';

/** Settings of {@link createTwilioChannel}. */
export type TwilioChannelSettings = TwilioCredentialSettings & {
  /**
   * Sender: a Twilio number in E.164, a short code or an alphanumeric sender ID. Default: env
   * `TWILIO_FROM_NUMBER`. Either this or `messagingServiceSid` is required.
   */
  readonly from?: string;
  /** Messaging Service (`MG` + 32 hex) that picks the sender. Default: env `TWILIO_MESSAGING_SERVICE_SID`. */
  readonly messagingServiceSid?: string;
  /**
   * Where Twilio posts delivery-status callbacks (`StatusCallback`); handle them with
   * `createTwilioStatusCallbackHandler`. Default: env `TWILIO_STATUS_CALLBACK_URL`; none when unset.
   */
  readonly statusCallbackUrl?: string;
  /**
   * Seconds a message may wait in Twilio's queue before it is dropped (`ValidityPeriod`, 1–36000).
   * Default: unset, so Twilio's 36000 s applies; a deal alert older than that is worthless anyway.
   */
  readonly validityPeriodSeconds?: number;
  /**
   * Messages per second the sender may carry. Twilio queues rather than refusing faster sends,
   * but a queue of more than 10 hours fails (21611). Default: 1, one US long code sending
   * single-segment messages; use 3 for a US toll-free number, 100 for a short code, and halve the
   * value when messages run to two segments.
   */
  readonly messagesPerSecond?: number;
  /** Requests in flight at once. Default: `ceil(messagesPerSecond)`, at most 10. */
  readonly concurrency?: number;
  /** REST API origin, e.g. a Twilio edge location. Default: `https://api.twilio.com`. */
  readonly baseUrl?: string;
};

const ChannelSettingsSchema = z
  .object({
    from: z.string().min(1).max(50).optional(),
    messagingServiceSid: z
      .string()
      .regex(/^MG[0-9a-fA-F]{32}$/, 'must be MG followed by 32 hex digits')
      .optional(),
    // Twilio: "must contain a valid hostname and underscores are not allowed".
    statusCallbackUrl: z
      .url({ protocol: /^https?$/ })
      .refine((url) => !new URL(url).hostname.includes('_'), 'must not contain underscores in the host')
      .optional(),
    validityPeriodSeconds: z.number().int().min(1).max(36_000).optional(),
    messagesPerSecond: z.number().positive().max(10_000),
    concurrency: z.number().int().min(1).max(100).optional(),
    baseUrl: z.url({ protocol: /^https?$/ }),
  })
  .refine((value) => value.from !== undefined || value.messagingServiceSid !== undefined, {
    message:
      'either from (TWILIO_FROM_NUMBER) or messagingServiceSid (TWILIO_MESSAGING_SERVICE_SID) is required',
    path: ['from'],
  });

/** The parts of a message an SMS uses. Twilio accepts at most 1,600 characters of body. */
const SmsMessageSchema = z.object({
  recipient: z.object({ kind: z.literal('sms'), phone: PhoneNumberSchema }),
  text: z.string().min(1).max(1600),
});

/**
 * Creates the SMS channel on Twilio Programmable Messaging: one `POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json` per message, form-encoded with Basic auth.
 * Failures throw `NotificationDeliveryError` whose `kind` follows Twilio's error code (21610 →
 * `recipient_opted_out`, 21211/21614 → `invalid_recipient`, 20429/429/5xx → `transient`, others
 * → `rejected`). Twilio offers no idempotency key for messages, so `idempotentSends` is false.
 *
 * A message the channel cannot send as is (wrong recipient kind, a broken limit) is `rejected`
 * before any request, with the `ValidationError` naming the field as `cause`.
 *
 * @throws ConfigurationError when credentials or the sender are missing or malformed.
 */
export function createTwilioChannel(settings: TwilioChannelSettings = {}): NotificationChannelV1 {
  const credentials = resolveTwilioCredentials(settings);
  const env = settings.env ?? defaultEnvironment();
  const resolved = parseChannelSettings(
    ChannelSettingsSchema,
    {
      from: settings.from ?? env.TWILIO_FROM_NUMBER,
      messagingServiceSid: settings.messagingServiceSid ?? env.TWILIO_MESSAGING_SERVICE_SID,
      statusCallbackUrl: settings.statusCallbackUrl ?? env.TWILIO_STATUS_CALLBACK_URL,
      validityPeriodSeconds: settings.validityPeriodSeconds,
      messagesPerSecond: settings.messagesPerSecond ?? 1,
      concurrency: settings.concurrency,
      baseUrl: settings.baseUrl ?? 'https://api.twilio.com',
    },
    'twilio',
  );
  const http = createTwilioHttp(credentials);
  const messagesUrl = new URL(
    `/2010-04-01/Accounts/${credentials.accountSid}/Messages.json`,
    resolved.baseUrl,
  ).toString();
  // The dispatcher counts sends per second; below 1/s a longer window keeps the cap an integer.
  const perSecond = resolved.messagesPerSecond;
  const limits =
    perSecond >= 1
      ? { intervalCap: Math.floor(perSecond), intervalMs: 1000 }
      : { intervalCap: 1, intervalMs: Math.ceil(1000 / perSecond) };

  return {
    specificationVersion: 'v1',
    channel: 'sms',
    providerId: 'twilio',
    capabilities: { idempotentSends: false, html: false, images: false },
    limits: {
      concurrency: resolved.concurrency ?? Math.min(10, Math.max(1, Math.ceil(perSecond))),
      ...limits,
    },
    async doSend(message, options) {
      const sms = refuseInvalidMessage('twilio', () =>
        parseInput(SmsMessageSchema, message, { subject: 'SMS message', source: 'twilio' }),
      );
      const form = new URLSearchParams();
      form.set('To', sms.recipient.phone);
      if (resolved.from !== undefined) form.set('From', resolved.from);
      if (resolved.messagingServiceSid !== undefined) {
        form.set('MessagingServiceSid', resolved.messagingServiceSid);
      }
      form.set('Body', sms.text);
      if (resolved.statusCallbackUrl !== undefined) form.set('StatusCallback', resolved.statusCallbackUrl);
      if (resolved.validityPeriodSeconds !== undefined) {
        form.set('ValidityPeriod', String(resolved.validityPeriodSeconds));
      }
      const result = await http.postForm(messagesUrl, form, options.signal);
      if (!result.ok) throw mapTwilioTransportFailure(result);
      if (result.status < 200 || result.status >= 300) throw mapTwilioSendError(result);
      const sid = (result.body as { sid?: unknown } | null)?.sid;
      return { providerMessageId: typeof sid === 'string' ? sid : null };
    },
  };
}
