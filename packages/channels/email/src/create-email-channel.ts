import {
  defaultEnvironment,
  type NotificationChannelV1,
  NotificationDeliveryError,
  parseChannelSettings,
  refuseInvalidMessage,
} from '@deal-scout/core';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { z } from 'zod';
import { messageIdFor, parseEmailMessage } from './email-message';
import { resolveSmtpOptions, type SmtpSettings } from './email-settings';
import { mapSmtpError } from './map-smtp-error';

/** What the channel needs from a transport: nodemailer's `Transporter` fits. */
export type EmailTransport = {
  sendMail(
    options: Mail.Options,
  ): Promise<{ readonly messageId?: string; readonly rejected?: readonly unknown[] }>;
  close?(): void;
};

/** Settings of {@link createEmailChannel}. */
export type EmailChannelSettings = SmtpSettings & {
  /** The sender, `Deal Scout <deals@example.com>`. Default: env `SMTP_FROM`. Required. */
  readonly from?: string;
  /**
   * A transport the host already owns (a nodemailer `Transporter` for SES, a pooled SMTP it
   * configured itself). When given, the SMTP settings are ignored and `close()` leaves it open.
   */
  readonly transport?: EmailTransport;
  /**
   * Messages per second the relay accepts. SMTP itself has no limit; providers do. Default: 10.
   */
  readonly messagesPerSecond?: number;
};

/** The email channel; `close()` ends pooled SMTP connections it opened. */
export type EmailChannel = NotificationChannelV1 & { close(): void };

const ChannelSettingsSchema = z.object({
  from: z
    .string({ error: 'is required (or set SMTP_FROM)' })
    .min(3)
    .max(400)
    .regex(/^[^\r\n]*$/),
  messagesPerSecond: z.number().int().min(1).max(1000),
});

/**
 * Creates the email channel: SMTP through a pooled nodemailer transport (or one the host
 * supplies), with the HTML and plain-text parts, extra headers such as RFC 8058 `List-Unsubscribe`
 * and `List-Unsubscribe-Post`, and a `Message-ID` derived from the idempotency key.
 * `providerMessageId` is that `Message-ID`. Failures throw `NotificationDeliveryError` (5xx to
 * `RCPT` → `invalid_recipient`; 4xx and connection failures → `transient`; other 5xx →
 * `rejected`). SMTP has no idempotency: a crash after the server accepted a message but before
 * the outbox recorded it resends it, with the same `Message-ID`; `idempotentSends` is false.
 *
 * A message the channel cannot send as is (wrong recipient kind, a broken limit) is `rejected`
 * before any request, with the `ValidationError` naming the field as `cause`.
 *
 * @throws ConfigurationError when the sender or SMTP settings are missing or malformed.
 */
export function createEmailChannel(settings: EmailChannelSettings = {}): EmailChannel {
  const env = settings.env ?? defaultEnvironment();
  const resolved = parseChannelSettings(
    ChannelSettingsSchema,
    { from: settings.from ?? env.SMTP_FROM, messagesPerSecond: settings.messagesPerSecond ?? 10 },
    'email',
  );
  const smtp = settings.transport ? null : resolveSmtpOptions(settings);
  const transport: EmailTransport = settings.transport ?? nodemailer.createTransport(smtp!);
  const secrets = typeof smtp?.auth?.pass === 'string' ? [smtp.auth.pass] : [];
  const domain = senderDomain(resolved.from);
  const maxConnections = smtp?.maxConnections ?? 5;

  return {
    specificationVersion: 'v1',
    channel: 'email',
    providerId: 'email',
    capabilities: { idempotentSends: false, html: true, images: true },
    limits: { concurrency: maxConnections, intervalCap: resolved.messagesPerSecond, intervalMs: 1000 },
    async doSend(message, options) {
      const email = refuseInvalidMessage('email', () => parseEmailMessage(message));
      if (options.signal?.aborted) {
        throw new NotificationDeliveryError({
          message: 'the send was aborted',
          source: 'email',
          kind: 'transient',
        });
      }
      const messageId = messageIdFor(options.idempotencyKey, domain);
      let info: Awaited<ReturnType<EmailTransport['sendMail']>>;
      try {
        info = await transport.sendMail({
          from: resolved.from,
          to: email.recipient.name
            ? { name: email.recipient.name, address: email.recipient.email }
            : email.recipient.email,
          subject: email.subject,
          text: email.text,
          ...(email.html === undefined ? {} : { html: email.html }),
          ...(email.headers ? { headers: email.headers } : {}),
          messageId,
        });
      } catch (error) {
        throw mapSmtpError(error, secrets);
      }
      if (info.rejected && info.rejected.length > 0) {
        throw new NotificationDeliveryError({
          message: 'SMTP server rejected the recipient',
          source: 'email',
          kind: 'invalid_recipient',
        });
      }
      return { providerMessageId: info.messageId ?? messageId };
    },
    close() {
      if (!settings.transport) transport.close?.();
    },
  };
}

/** The domain of the sender address, for `Message-ID`s. */
function senderDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const domain = address.split('@')[1]?.trim();
  return domain && /^[A-Za-z0-9.-]+$/.test(domain) ? domain : 'deal-scout.invalid';
}
