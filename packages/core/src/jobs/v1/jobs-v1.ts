/** Context handed to a job handler. */
export type JobContextV1 = {
  /** Stable id of this run (the `jobId` given to `enqueue`, or generated). */
  readonly jobId: string;
  /** 1 on the first attempt. */
  readonly attempt: number;
  /** When this run was scheduled to start (ISO UTC). */
  readonly scheduledFor: string;
  readonly signal: AbortSignal;
  /** Reports progress (0–1) to listeners. */
  progress(fraction: number, message?: string): void;
};

/** A job handler; throwing a retryable error makes the runner retry with backoff. */
export type JobHandlerV1<P = unknown> = (payload: P, context: JobContextV1) => Promise<void>;

/**
 * Jobs, version 1: named handlers, one-off runs and repeating schedules. In-process by default;
 * BullMQ on Redis when a host runs several workers. Implementations guarantee:
 * - a schedule fires at most once per period across all workers;
 * - `enqueue` with the same `jobId` while a run with that id is waiting is a no-op;
 * - a failed run is retried up to `attempts` times with exponential backoff.
 */
export type JobsV1 = {
  readonly specificationVersion: 'v1';
  readonly jobsId: string;
  /** Registers the handler for `name`; call before `start`. */
  process<P>(name: string, handler: JobHandlerV1<P>, options?: { readonly concurrency?: number }): void;
  /** Runs `name` once with `payload`, after `delayMs` if given. */
  enqueue<P>(
    name: string,
    payload: P,
    options?: { readonly jobId?: string; readonly delayMs?: number; readonly attempts?: number },
  ): Promise<{ readonly jobId: string }>;
  /** Runs `name` every `everyMs` milliseconds (first run one period after `start`). Idempotent per name. */
  schedule(name: string, options: { readonly everyMs: number; readonly payload?: unknown }): Promise<void>;
  /** Removes a schedule. */
  unschedule(name: string): Promise<void>;
  /** Starts processing. */
  start(): Promise<void>;
  /** Stops taking new runs and waits for running ones to finish. */
  stop(): Promise<void>;
  /** Waits until no run is waiting or running (for tests and graceful shutdown). */
  drain(): Promise<void>;
};
