import type { DealScoutError } from '../errors/deal-scout-error';
import { toDealScoutError } from '../runtime/call-with-retries';

/**
 * Calls an adapter method the runtime's marketplace client does not wrap (OAuth, webhooks) once,
 * turning anything that is not a Deal Scout error into an `AdapterError`. Code exchanges are never
 * retried: an authorisation code works once.
 */
export async function callAdapterOnce<T>(
  source: string,
  operation: string,
  fn: () => PromiseLike<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toDealScoutError(error, source, operation) satisfies DealScoutError;
  }
}
