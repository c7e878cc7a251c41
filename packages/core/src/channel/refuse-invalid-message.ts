import { NotificationDeliveryError } from '../errors/notification-delivery-error';
import { ValidationError } from '../errors/validation-error';

/**
 * Runs a channel's checks on a message before anything is sent and turns a `ValidationError` into
 * a `NotificationDeliveryError` of kind `rejected` (keeping the `ValidationError`, with its
 * `field`, as `cause`). The dispatcher reacts to delivery kinds and retries anything else, but a
 * message that breaks a limit or names an impossible recipient fails the same way every time; the
 * user's addresses are left alone, since a malformed message says nothing about them.
 *
 * @param source The channel's provider id (`discord`), which prefixes the error message.
 */
export function refuseInvalidMessage<T>(source: string, prepare: () => T): T {
  try {
    return prepare();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const [issue] = error.issues;
    throw new NotificationDeliveryError({
      message: `Message refused before sending: ${error.field}: ${issue?.message ?? 'is invalid'}`,
      source,
      kind: 'rejected',
      cause: error,
    });
  }
}
