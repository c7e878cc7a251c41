import { NotificationDeliveryError, ValidationError } from '@deal-scout/core';
import { expect } from 'vitest';

/**
 * Asserts a send was refused before anything went out: a `rejected` delivery error whose cause is
 * the `ValidationError` naming `field`.
 */
export function expectRefused(error: unknown, field: string): void {
  expect(error).toBeInstanceOf(NotificationDeliveryError);
  expect((error as NotificationDeliveryError).kind).toBe('rejected');
  expect((error as NotificationDeliveryError).isRetryable).toBe(false);
  const cause = (error as Error).cause;
  expect(cause).toBeInstanceOf(ValidationError);
  expect((cause as ValidationError).field).toBe(field);
  expect((error as Error).message).toContain(field);
}
