/**
 * Messages between the benchmark and its load-generator process (`load-worker.ts`), which runs
 * autocannon in a second process so the load generator never shares the server's event loop.
 */

/** One request of the cycle each connection repeats (autocannon's `requests` option). */
export type LoadRequest = {
  readonly method: 'GET' | 'POST';
  readonly path: string;
};

/** What to load: sent once to the worker. */
export type LoadJob = {
  /** Origin of the server, e.g. `http://127.0.0.1:41234`; always loopback. */
  readonly origin: string;
  /** Requests each connection sends in turn, cycling until the duration ends. */
  readonly requests: readonly LoadRequest[];
  readonly headers: Readonly<Record<string, string>>;
  readonly connections: number;
  /** Load sent first and not recorded (JIT, caches, connection set-up); 0 for none. */
  readonly warmupSeconds: number;
  readonly durationSeconds: number;
};

/** Latency and throughput of one load run, over 2xx responses only. */
export type LoadSummary = {
  /** 2xx responses per second of measured time. */
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly maxMs: number;
  /** 2xx responses. */
  readonly ok: number;
  readonly non2xx: number;
  /** Connection errors, timeouts included. */
  readonly errors: number;
  readonly timeouts: number;
  /** Count per status code, for the diagnosis of any non-2xx. */
  readonly statusCounts: Readonly<Record<string, number>>;
  readonly durationSeconds: number;
};

/** Worker → benchmark. */
export type WorkerMessage =
  | {
      readonly type: 'tick';
      readonly phase: 'warm-up' | 'measure';
      readonly elapsedSeconds: number;
      readonly responses: number;
    }
  | { readonly type: 'done'; readonly warmup: LoadSummary | null; readonly summary: LoadSummary }
  | { readonly type: 'failed'; readonly message: string };
