import { type DeliveryFailureKind, NotificationDeliveryError, parseRetryAfterMs } from '@deal-scout/core';

/**
 * Maps a push service's answer (RFC 8030): 404 and 410 mean the subscription expired or was
 * revoked, so it must be deleted (`endpoint_gone`); 429 is transient with `Retry-After`; 5xx is
 * transient; 413 (payload too large) and 400/401/403 (VAPID or request problems) are `rejected`.
 * The message names the push service's host, never the subscription endpoint (a capability URL).
 */
export function mapPushError(
  status: number,
  headers: Headers,
  endpoint: string,
  body: string,
): NotificationDeliveryError {
  const kind: DeliveryFailureKind =
    status === 404 || status === 410
      ? 'endpoint_gone'
      : status === 429 || status >= 500
        ? 'transient'
        : 'rejected';
  const hint =
    status === 401 || status === 403
      ? ' (check VAPID_SUBJECT, VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, and that the subscription was made with this public key)'
      : status === 413
        ? ' (payload too large)'
        : '';
  // Push services answer in plain text or JSON; keep a short, single-line excerpt.
  const excerpt = body.replace(/\s+/g, ' ').trim().slice(0, 200);
  return new NotificationDeliveryError({
    message: `${hostOf(endpoint)} refused the push message with HTTP ${status}${hint}${excerpt ? `: ${excerpt}` : ''}`,
    source: 'web-push',
    kind,
    status,
    retryAfterMs: kind === 'transient' ? parseRetryAfterMs(headers.get('retry-after')) : null,
  });
}

/** The push service's host, safe to show (`fcm.googleapis.com`). */
export function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return 'the push service';
  }
}
