/**
 * The source of time. Everything time-dependent (schedules, quiet hours, leases, backoff) reads
 * it, so tests can use a manual clock and move time forward instantly.
 */
export type ClockV1 = {
  /** The current instant. */
  now(): Date;
  /** Calls `callback` after `ms` milliseconds of this clock's time; returns a cancel function. */
  setTimeout(callback: () => void, ms: number): () => void;
  /** Resolves after `ms` milliseconds of this clock's time. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
};
