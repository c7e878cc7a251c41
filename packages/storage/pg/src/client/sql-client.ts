/** One row as the driver returns it: column name to value. */
export type SqlRow = Record<string, unknown>;

/** What a statement returned: its rows and how many rows it touched. */
export type SqlResult<Row extends SqlRow = SqlRow> = {
  readonly rows: Row[];
  /** Rows returned by a `SELECT` or changed by an `INSERT`/`UPDATE`/`DELETE`. */
  readonly rowCount: number;
};

/**
 * Runs SQL on one engine. Values are always passed as parameters (`$1`, `$2`, …), never spliced into
 * the text; `exec` is only for the package's own migration scripts, which take no values.
 */
export type SqlExecutor = {
  /** Runs one statement with positional parameters. */
  query<Row extends SqlRow = SqlRow>(text: string, params?: readonly unknown[]): Promise<SqlResult<Row>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
};

/**
 * The minimal SQL client the storage needs, which both a node-postgres `Pool` and a PGlite instance
 * satisfy through their wrappers: statements with parameters, and a transaction scope that commits
 * when `work` resolves and rolls back when it throws.
 */
export type SqlClient = SqlExecutor & {
  /** Which engine runs the SQL: `postgres` (a server) or `pglite` (embedded). */
  readonly engine: 'postgres' | 'pglite';
  /**
   * Runs `work` in one transaction on one connection. The result is returned only after `COMMIT`
   * succeeded, so a resolved promise means the writes are durable.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Closes what the wrapper created itself; absent when the host owns the connection. */
  close?(): Promise<void>;
};
