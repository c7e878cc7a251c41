import { type DeliveryFailureKind, NotificationDeliveryError } from '@deal-scout/core';

/** The fields nodemailer sets on SMTP failures. */
type SmtpFailure = {
  readonly code?: unknown;
  readonly responseCode?: unknown;
  readonly response?: unknown;
  readonly command?: unknown;
};

// Nodemailer's codes for failures that never reached an SMTP verdict.
const connectionCodes = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETLS',
  'EPROTOCOL',
]);

/**
 * Maps a nodemailer failure to a `NotificationDeliveryError`:
 * - a 5xx answer to `RCPT TO` (`EENVELOPE`: user unknown, mailbox disabled, bad address) →
 *   `invalid_recipient`, except 552, which RFC 5321 §4.5.3.1.10 says to treat as temporary there;
 * - any 4xx, and connection, DNS, TLS and timeout failures → `transient`;
 * - a 5xx to the message itself (`DATA`: spam, size, policy) or to `AUTH` → `rejected`.
 * The message quotes the server's reply (which names the recipient at most) and never includes
 * credentials; `secrets` are redacted in case a server echoes one. No `cause` is kept, because
 * nodemailer errors carry the SMTP command that failed.
 */
export function mapSmtpError(error: unknown, secrets: readonly string[] = []): NotificationDeliveryError {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure;
  const code = typeof failure.code === 'string' ? failure.code : null;
  const responseCode = typeof failure.responseCode === 'number' ? failure.responseCode : null;
  const response = typeof failure.response === 'string' ? failure.response : null;
  const command =
    typeof failure.command === 'string' ? failure.command.split(' ')[0]?.toUpperCase() : undefined;

  let kind: DeliveryFailureKind;
  if (responseCode !== null && responseCode >= 400 && responseCode < 500) kind = 'transient';
  else if (responseCode !== null && responseCode >= 500) {
    const atRecipient = code === 'EENVELOPE' || command === 'RCPT';
    kind = atRecipient ? (responseCode === 552 ? 'transient' : 'invalid_recipient') : 'rejected';
  } else if (code !== null && connectionCodes.has(code)) kind = 'transient';
  else kind = 'rejected';

  let detail = response ?? (error instanceof Error ? error.message : 'unknown failure');
  for (const secret of secrets) if (secret) detail = detail.replaceAll(secret, '[redacted]');
  detail = detail.replace(/[\r\n]+/g, ' ').slice(0, 300);
  const label =
    code === 'EAUTH' ? 'SMTP authentication failed (check SMTP_USER/SMTP_PASSWORD)' : 'SMTP delivery failed';
  return new NotificationDeliveryError({
    message: `${label}${code ? ` [${code}]` : ''}: ${detail}`,
    source: 'email',
    kind,
    status: responseCode,
    providerCode: responseCode ?? code,
  });
}
