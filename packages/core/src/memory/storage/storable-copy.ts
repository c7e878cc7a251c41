import { StorageError } from '../../errors/storage-error';

/**
 * A deep copy of a value about to be stored. Values that cannot be copied (functions, symbols,
 * class instances with private state) cannot be stored either: that is a `StorageError`, raised
 * before anything in the batch is written.
 */
export function storableCopy<T>(value: T, what: string): T {
  try {
    return structuredClone(value);
  } catch (error) {
    throw new StorageError({
      message: `${what} cannot be stored: it holds a value that is not plain data`,
      source: 'memory',
      cause: error,
    });
  }
}
