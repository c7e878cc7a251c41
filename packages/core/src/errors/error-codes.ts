/**
 * Every stable error code the SDK can produce. Codes never change meaning once released; hosts may
 * switch on them, map them to HTTP statuses, or show them to users.
 */
export const errorCodes = {
  VALIDATION_FAILED: 'Input did not match the expected shape; `field` names the first offending path.',
  NOT_FOUND: 'The requested record does not exist, or is not visible to the acting user.',
  CONFLICT: 'The change conflicts with the current state (a duplicate, or a concurrent edit).',
  LIMIT_EXCEEDED: 'A configured limit (rules per user, batch size, daily cap) would be exceeded.',
  RATE_LIMITED: 'A provider or the SDK itself refused the call for now; retry after `retryAfterMs`.',
  AUTHENTICATION_FAILED: 'Credentials are missing, invalid, expired or revoked; re-authenticate.',
  SIGNATURE_INVALID: 'A webhook or callback signature did not verify; the request was ignored.',
  MARKETPLACE_REQUEST_FAILED: 'A marketplace answered with an error.',
  LISTING_PARSE_FAILED: 'A marketplace returned listing data the SDK could not normalise.',
  UNSUPPORTED_CAPABILITY: 'The adapter does not offer the requested operation.',
  NOTIFICATION_DELIVERY_FAILED: 'A notification channel could not deliver a message.',
  STORAGE_FAILED: 'The storage backend failed; nothing acknowledged was lost.',
  ADAPTER_FAILED: 'An adapter threw something that is not a Deal Scout error.',
  CONFIGURATION_INVALID: 'The SDK or an adapter was composed with invalid settings.',
} as const;

/** A stable, SCREAMING_SNAKE error code. */
export type ErrorCode = keyof typeof errorCodes;
