import { NotificationDeliveryError, ValidationError } from '@deal-scout/core';

/**
 * Runs the checks on a message before anything is sent and turns a `ValidationError` into a
 * `NotificationDeliveryError` of kind `rejected` (keeping the `ValidationError`, with its
 * `field`, as `cause`). The dispatcher reacts to delivery kinds and retries anything else, but a
 * message that breaks a limit or names an impossible recipient fails the same way every time; the
 * user's addresses are left alone, since a malformed message says nothing about them.
 */
export function refuseInvalidMessage<T>(prepare: () => T): T {
  try {
    return prepare();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const [issue] = error.issues;
    throw new NotificationDeliveryError({
      message: `Message refused before sending: ${error.field}: ${issue?.message ?? 'is invalid'}`,
      source: 'discord',
      kind: 'rejected',
      cause: error,
    });
  }
}
