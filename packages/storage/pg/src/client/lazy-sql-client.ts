import type { SqlClient } from './sql-client';

/**
 * A client opened on first use, so factories can stay synchronous while the engine loads (PGlite
 * compiles its WebAssembly module and may create its data directory). A failed open is not cached:
 * the next call tries again.
 */
export function createLazySqlClient(engine: SqlClient['engine'], open: () => Promise<SqlClient>): SqlClient {
  let opening: Promise<SqlClient> | null = null;
  let closed = false;
  const client = () => {
    if (closed) return Promise.reject(new Error('the storage was closed'));
    opening ??= open().catch((error: unknown) => {
      opening = null;
      throw error;
    });
    return opening;
  };
  return {
    engine,
    async query(text, params) {
      return (await client()).query(text, params);
    },
    async exec(script) {
      return (await client()).exec(script);
    },
    async transaction(work) {
      return (await client()).transaction(work);
    },
    async close() {
      if (closed) return;
      closed = true;
      const opened = opening ? await opening.catch(() => null) : null;
      await opened?.close?.();
    },
  };
}
