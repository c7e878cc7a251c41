import type { SqlClient, SqlExecutor } from '../client/sql-client';
import type { TableNames } from '../schema-name';

/** What every repository is built from. */
export type RepositoryContext = {
  readonly sql: SqlClient;
  readonly tables: TableNames;
  /**
   * Runs one repository operation: waits until the schema is ready, and turns driver failures into
   * `StorageError`s (retryable when transient) named after `operation`.
   */
  run<T>(operation: string, work: () => Promise<T>): Promise<T>;
  /**
   * Runs `work` in a transaction, retrying it from the start (at most a few times) when it lost a
   * race: a deadlock or a serialization failure (including {@link concurrentChange}).
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
};

/**
 * The error to throw inside a transaction that saw a concurrent writer change what it had read
 * (say, a listing another transaction created after this one looked it up). It carries SQLSTATE
 * `40001` (serialization failure), so the transaction rolls back and runs again like any lost
 * race, and the second run sees the committed row.
 */
export function concurrentChange(message: string): Error {
  return Object.assign(new Error(message), { code: '40001' });
}
