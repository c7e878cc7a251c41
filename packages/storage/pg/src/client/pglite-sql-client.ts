import type { SqlClient, SqlExecutor, SqlRow } from './sql-client';

type PgliteResults = { rows: unknown[]; affectedRows?: number; rowCount?: number };

/** The part of a PGlite transaction the storage uses. */
export type PgliteTransactionLike = {
  query(query: string, params?: unknown[]): Promise<PgliteResults>;
  exec(query: string): Promise<unknown>;
};

/**
 * The part of a PGlite instance the storage uses. Typed structurally so `@electric-sql/pglite` stays
 * an optional peer and any compatible build (a worker proxy, a newer release) fits.
 */
export type PgliteLike = PgliteTransactionLike & {
  transaction<T>(callback: (tx: PgliteTransactionLike) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

function executorOf(target: PgliteTransactionLike): SqlExecutor {
  return {
    async query<Row extends SqlRow>(text: string, params: readonly unknown[] = []) {
      const result = await target.query(text, [...params]);
      return {
        rows: result.rows as Row[],
        rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length,
      };
    },
    async exec(script) {
      await target.exec(script);
    },
  };
}

/**
 * Wraps a PGlite instance. PGlite has a single connection and queues statements itself, so a
 * transaction runs alone until it commits. With `owned`, `close()` closes the instance.
 */
export function createPgliteSqlClient(db: PgliteLike, options: { readonly owned: boolean }): SqlClient {
  return {
    engine: 'pglite',
    ...executorOf(db),
    transaction(work) {
      return db.transaction((tx) => work(executorOf(tx)));
    },
    ...(options.owned ? { close: () => db.close() } : {}),
  };
}
