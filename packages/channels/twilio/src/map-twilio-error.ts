import { type DeliveryFailureKind, NotificationDeliveryError, parseRetryAfterMs } from '@deal-scout/core';
import type { TwilioHttpFailure, TwilioHttpResponse } from './twilio-http';

/** Twilio's documented error body: `{ code, message, more_info, status }`. */
export type TwilioErrorBody = {
  readonly code: number | null;
  readonly message: string | null;
  readonly moreInfo: string | null;
};

/** Reads Twilio's error body, tolerating anything else (a proxy's HTML page, an empty body). */
export function readTwilioErrorBody(body: unknown): TwilioErrorBody {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof record.code === 'number' ? record.code : Number(record.code);
  return {
    code: Number.isInteger(code) ? code : null,
    message: typeof record.message === 'string' ? record.message : null,
    moreInfo: typeof record.more_info === 'string' ? record.more_info : null,
  };
}

/**
 * What a Twilio error code means for delivery, for codes that change what the SDK does next:
 * 20429 (too many concurrent requests, never processed) is safe to retry; 21610 (the recipient
 * replied STOP) turns SMS off for the user; 21211 (invalid `To`) and 21614 (`To` cannot receive
 * SMS) mark the number invalid; 30006 (landline or unreachable carrier, reported in status
 * callbacks) marks it invalid too; 30003 (handset unreachable) may clear up, so it is retried.
 * Returns `null` for codes with no special meaning.
 */
export function twilioErrorCodeToFailureKind(code: number | null): DeliveryFailureKind | null {
  switch (code) {
    case 20429:
    case 30003:
      return 'transient';
    case 21610:
      return 'recipient_opted_out';
    case 21211:
    case 21614:
    case 30006:
      return 'invalid_recipient';
    default:
      return null;
  }
}

/**
 * Turns a failed Messages API call into a `NotificationDeliveryError`: the error code decides
 * first (see {@link twilioErrorCodeToFailureKind}); then HTTP 429 and 5xx are transient (with the
 * `Retry-After` delay when Twilio sent one) and every other answer is `rejected`. The message
 * carries Twilio's code and text but never the request URL or credentials.
 */
export function mapTwilioSendError(response: TwilioHttpResponse): NotificationDeliveryError {
  const error = readTwilioErrorBody(response.body);
  const kind =
    twilioErrorCodeToFailureKind(error.code) ??
    (response.status === 429 || response.status >= 500 ? 'transient' : 'rejected');
  const retryAfterMs = kind === 'transient' ? parseRetryAfterMs(response.headers.get('retry-after')) : null;
  const described =
    error.code == null ? `HTTP ${response.status}` : `error ${error.code} (HTTP ${response.status})`;
  const hint = response.status === 401 ? ': check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN' : '';
  return new NotificationDeliveryError({
    message: `Twilio refused the SMS with ${described}${error.message ? `: ${error.message}` : ''}${hint}`,
    source: 'twilio',
    kind,
    status: response.status,
    providerCode: error.code,
    retryAfterMs,
  });
}

/** A send that got no answer: always transient, because Twilio may simply have been unreachable. */
export function mapTwilioTransportFailure(failure: TwilioHttpFailure): NotificationDeliveryError {
  return new NotificationDeliveryError({
    message: `Could not reach Twilio: ${failure.detail}`,
    source: 'twilio',
    kind: 'transient',
  });
}
