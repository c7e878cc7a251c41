import { StorageError } from '../errors/storage-error';
import type { StateRepositoryV1 } from '../storage/v1/state-repository-v1';

/**
 * Read-modify-write of one `storage.state` key with compare-and-set, retried when another writer
 * got there first, so concurrent callers (two digest jobs, two dispatchers) never lose an update.
 * `update` returns the new value, or `undefined` to leave the key as it is. Returns the value
 * stored afterwards and whether this call wrote it. Throws `StorageError` (retryable) after
 * `maxAttempts` lost races.
 */
export async function updateState<T>(
  state: StateRepositoryV1,
  key: string,
  update: (current: T | null) => T | undefined,
  maxAttempts = 50,
): Promise<{ readonly value: T | null; readonly changed: boolean }> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const entry = await state.get(key);
    const current = entry ? (entry.value as T) : null;
    const next = update(current === null ? null : structuredClone(current));
    if (next === undefined) return { value: current, changed: false };
    const version = await state.set(key, next, { expectedVersion: entry ? entry.version : null });
    if (version !== null) return { value: next, changed: true };
  }
  throw new StorageError({
    message: `state key '${key}' kept changing under concurrent writers`,
    isRetryable: true,
  });
}
