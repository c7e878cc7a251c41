import { DealScoutError } from '../../errors/deal-scout-error';
import type { DeliveryFailureKind } from '../../errors/notification-delivery-error';
import { toDealScoutError } from '../../runtime/call-with-retries';

/** What the dispatcher makes of a failed send. */
export type DeliveryFailure = {
  readonly kind: DeliveryFailureKind;
  readonly error: DealScoutError;
  readonly retryAfterMs: number | null;
};

const kinds = new Set<DeliveryFailureKind>([
  'transient',
  'recipient_opted_out',
  'invalid_recipient',
  'endpoint_gone',
  'rejected',
]);

/**
 * Classifies what a channel threw. A `NotificationDeliveryError` says what happened through its
 * `kind`; any other error (a `RateLimitedError`, a network failure, a bug) is treated as transient
 * — nothing says the message or the recipient is bad, so it is retried up to the attempt limit —
 * keeping any `retryAfterMs` it carries.
 */
export function classifyFailure(thrown: unknown, source: string): DeliveryFailure {
  const error = toDealScoutError(thrown, source, 'send');
  const fields = error as unknown as { kind?: unknown; retryAfterMs?: unknown };
  const retryAfterMs = typeof fields.retryAfterMs === 'number' ? fields.retryAfterMs : null;
  if (
    DealScoutError.isInstance(thrown) &&
    error.code === 'NOTIFICATION_DELIVERY_FAILED' &&
    kinds.has(fields.kind as DeliveryFailureKind)
  ) {
    return { kind: fields.kind as DeliveryFailureKind, error, retryAfterMs };
  }
  return { kind: 'transient', error, retryAfterMs };
}
