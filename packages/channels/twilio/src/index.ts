/**
 * @deal-scout/twilio: the SMS channel on Twilio Programmable Messaging, delivery-status callbacks
 * with `X-Twilio-Signature` validation, and one-time codes through Twilio Verify.
 */

export type { SettingsEnvironment } from '@deal-scout/core';
export { createTwilioChannel, type TwilioChannelSettings } from './create-twilio-channel';
export {
  createTwilioVerify,
  type TwilioVerification,
  type TwilioVerify,
  type TwilioVerifyChannel,
  type TwilioVerifySettings,
} from './create-twilio-verify';
export {
  createTwilioStatusCallbackHandler,
  type TwilioMessageStatus,
  type TwilioMessageStatusUpdate,
  type TwilioStatusCallbackHandler,
  type TwilioStatusCallbackSettings,
} from './handle-twilio-status-callback';
export { readTwilioErrorBody, type TwilioErrorBody, twilioErrorCodeToFailureKind } from './map-twilio-error';
export type { TwilioCredentialSettings } from './twilio-credentials';
export { computeTwilioSignature, isValidTwilioSignature, type TwilioRequestParams } from './twilio-signature';
