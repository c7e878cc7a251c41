import type { StateRepositoryV1 } from '../../storage/v1/state-repository-v1';
import { storableCopy } from './storable-copy';

/**
 * Versioned JSON state with compare-and-set. Versions start at 1 and grow by one per write; a
 * deleted key keeps counting from its last version, so a writer holding a version read before the
 * delete cannot overwrite a newer value by accident.
 */
export function createMemoryStateRepository(): StateRepositoryV1 {
  const values = new Map<string, unknown>();
  const versions = new Map<string, number>();
  return {
    async get(key) {
      if (!values.has(key)) return null;
      return { value: structuredClone(values.get(key)), version: versions.get(key) ?? 1 };
    },
    async set(key, value, options) {
      const present = values.has(key);
      const expected = options?.expectedVersion;
      if (expected === null && present) return null;
      if (typeof expected === 'number' && (!present || versions.get(key) !== expected)) return null;
      const version = (versions.get(key) ?? 0) + 1;
      values.set(key, storableCopy(value, `state '${key}'`));
      versions.set(key, version);
      return version;
    },
    async delete(key) {
      return values.delete(key);
    },
  };
}
