/**
 * @deal-scout/email: the email channel, SMTP through nodemailer with HTML and plain-text parts and
 * RFC 8058 one-click unsubscribe headers.
 */

export type { SettingsEnvironment } from '@deal-scout/core';
export {
  createEmailChannel,
  type EmailChannel,
  type EmailChannelSettings,
  type EmailTransport,
} from './create-email-channel';
export { type EmailMessage, messageIdFor, parseEmailMessage } from './email-message';
export type { SmtpSettings } from './email-settings';
export { mapSmtpError } from './map-smtp-error';
