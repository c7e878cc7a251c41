import type { SqlClient, SqlExecutor, SqlResult, SqlRow } from './sql-client';

/** The part of a node-postgres `PoolClient` the storage uses. */
export type PgPoolClientLike = {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
  /** Returns the connection to the pool; with an error, the pool discards it instead. */
  release(destroy?: boolean | Error): void;
  /** node-postgres emits `error` on a checked-out client whose connection dropped. */
  on?(event: 'error', listener: (error: Error) => void): unknown;
  removeListener?(event: 'error', listener: (error: Error) => void): unknown;
};

/**
 * The part of a node-postgres `Pool` (or anything shaped like one, such as a `pg.Client` wrapper)
 * the storage uses. Typed structurally so `pg` stays an optional peer.
 */
export type PgPoolLike = {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
  connect(): Promise<PgPoolClientLike>;
};

function toResult<Row extends SqlRow>(result: { rows: unknown[]; rowCount: number | null }): SqlResult<Row> {
  return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
}

function executorOf(target: Pick<PgPoolLike, 'query'>): SqlExecutor {
  return {
    async query<Row extends SqlRow>(text: string, params: readonly unknown[] = []) {
      return toResult<Row>(await target.query(text, [...params]));
    },
    async exec(script) {
      // Without values node-postgres uses the simple protocol, which runs several statements.
      await target.query(script);
    },
  };
}

/**
 * Wraps a node-postgres `Pool` the host owns. Statements go to any pooled connection; a
 * transaction holds one connection from `BEGIN` to `COMMIT`. The wrapper never ends the pool.
 */
export function createPgPoolSqlClient(pool: PgPoolLike): SqlClient {
  return {
    engine: 'postgres',
    ...executorOf(pool),
    async transaction(work) {
      const connection = await pool.connect();
      // A connection whose BEGIN, COMMIT or ROLLBACK failed is in an unknown state (usually lost):
      // the server rolls back on its own, and the pool must discard it rather than hand it out.
      let broken: Error | undefined;
      // While checked out, a dropped connection is reported as an `error` event (an unhandled one
      // would crash the process) as well as by the pending query, which is what the caller sees.
      const onError = (error: Error) => {
        broken = error;
      };
      connection.on?.('error', onError);
      const control = async (command: string) => {
        try {
          await connection.query(command);
        } catch (error) {
          broken = error instanceof Error ? error : new Error(`${command} failed`);
          throw error;
        }
      };
      try {
        await control('BEGIN');
        let result: Awaited<ReturnType<typeof work>>;
        try {
          result = await work(executorOf(connection));
        } catch (error) {
          await control('ROLLBACK').catch(() => undefined);
          throw error;
        }
        await control('COMMIT');
        return result;
      } finally {
        connection.removeListener?.('error', onError);
        connection.release(broken);
      }
    },
  };
}
