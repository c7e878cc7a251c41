import { DealScoutError } from './deal-scout-error';

/**
 * Why a delivery failed, when the reason changes what the SDK does next:
 * - `transient`: retry with backoff;
 * - `recipient_opted_out`: the recipient unsubscribed (Twilio 21610); turn the channel off;
 * - `invalid_recipient`: the address can never receive (bad number); mark it invalid;
 * - `endpoint_gone`: the webhook or push subscription no longer exists; delete it;
 * - `rejected`: the provider refused this message permanently (content, size).
 */
export type DeliveryFailureKind =
  | 'transient'
  | 'recipient_opted_out'
  | 'invalid_recipient'
  | 'endpoint_gone'
  | 'rejected';

/** A notification channel could not deliver a message. */
export class NotificationDeliveryError extends DealScoutError {
  readonly kind: DeliveryFailureKind;
  readonly status: number | null;
  readonly providerCode: string | null;
  /** How long the provider asked us to wait, in milliseconds, when it said. */
  readonly retryAfterMs: number | null;

  constructor(options: {
    message: string;
    source: string;
    kind: DeliveryFailureKind;
    status?: number | null;
    providerCode?: string | number | null;
    retryAfterMs?: number | null;
    cause?: unknown;
  }) {
    super({
      code: 'NOTIFICATION_DELIVERY_FAILED',
      message: options.message,
      source: options.source,
      isRetryable: options.kind === 'transient',
      cause: options.cause,
    });
    this.name = 'NotificationDeliveryError';
    this.kind = options.kind;
    this.status = options.status ?? null;
    this.providerCode = options.providerCode == null ? null : String(options.providerCode);
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}
