/** A versioned JSON value. */
export type StateEntryV1 = { readonly value: unknown; readonly version: number };

/**
 * Small JSON state with compare-and-set: job cursors (last catch-up run), trained price models,
 * digest markers. Keys are namespaced by the caller (`rules.catch-up.last-run`).
 */
export type StateRepositoryV1 = {
  get(key: string): Promise<StateEntryV1 | null>;
  /**
   * Writes `value` if the stored version equals `expectedVersion` (`null`: only if absent) and
   * returns the new version, or returns `null` when another writer got there first.
   * Without `expectedVersion` it writes unconditionally.
   */
  set(
    key: string,
    value: unknown,
    options?: { readonly expectedVersion?: number | null },
  ): Promise<number | null>;
  delete(key: string): Promise<boolean>;
};
