import { z } from 'zod';
import type { ClockV1 } from '../../clock/v1/clock-v1';
import { ConfigurationError } from '../../errors/configuration-error';
import { DealScoutError } from '../../errors/deal-scout-error';
import type { JobContextV1, JobHandlerV1, JobsV1 } from '../../jobs/v1/jobs-v1';
import { createSystemClock } from '../../runtime/system-clock';
import { createId, SlugSchema } from '../../shared/ids';
import { parseInput } from '../../shared/parse-input';

/** A progress report from a running job; the shape of the runtime's `job.progress` event. */
export type JobProgressEvent = {
  readonly job: string;
  readonly jobId: string;
  readonly fraction: number;
  readonly message?: string;
};

/** A run that failed for good: its error was not retryable, or it ran out of attempts. */
export type JobFailureEvent = {
  readonly job: string;
  readonly jobId: string;
  readonly attempt: number;
  readonly error: unknown;
};

const ClockSchema = z.custom<ClockV1>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ClockV1).now === 'function' &&
    typeof (value as ClockV1).setTimeout === 'function',
  'must be a clock (now, setTimeout, sleep)',
);

const MemoryJobsSettingsSchema = z.object({
  /** The clock whose timers drive delays, backoff and schedules; a manual clock in tests. */
  clock: ClockSchema.optional(),
  /** Name in logs and errors. */
  jobsId: SlugSchema.default('memory'),
  /** Attempts per run when `enqueue` does not say (1 = no retry). */
  defaultAttempts: z.number().int().min(1).max(100).default(3),
  /** Backoff before the 2nd attempt; doubles for each further attempt. */
  backoffMs: z.number().int().min(0).max(86_400_000).default(1000),
  /** Upper bound of one backoff. */
  maxBackoffMs: z.number().int().min(0).max(86_400_000).default(300_000),
  /** Called with every `progress` report. */
  onProgress: z.custom<(event: JobProgressEvent) => void>((value) => typeof value === 'function').optional(),
  /** Called when a run fails for good. */
  onFailed: z.custom<(event: JobFailureEvent) => void>((value) => typeof value === 'function').optional(),
});

/** Settings of {@link createMemoryJobs}; every field is optional. */
export type MemoryJobsSettings = z.input<typeof MemoryJobsSettingsSchema>;

const NameSchema = z.string().trim().min(1, 'must not be empty').max(200);
const EnqueueSchema = z.object({
  name: NameSchema,
  jobId: z.string().min(1).max(400).optional(),
  delayMs: z.number().int().min(0).optional(),
  attempts: z.number().int().min(1).max(100).optional(),
});
const ScheduleSchema = z.object({ name: NameSchema, everyMs: z.number().int().min(1, 'must be at least 1') });
const ProcessSchema = z.object({
  name: NameSchema,
  concurrency: z.number().int().min(1).max(1000).default(1),
});

type Run = {
  name: string;
  jobId: string;
  payload: unknown;
  attempt: number;
  attempts: number;
  scheduledFor: number;
  sequence: number;
  /** Cancels the timer that makes a delayed run ready. */
  cancelTimer: (() => void) | null;
  fromSchedule: boolean;
};

type Worker = { handler: JobHandlerV1<unknown>; concurrency: number; running: number };
type Schedule = { everyMs: number; payload: unknown; cancel: (() => void) | null };

/**
 * Jobs run in this process on the clock's timers, so a manual clock drives delays, retries and
 * schedules in tests. Runs wait until `start`; a run whose handler throws a retryable
 * `DealScoutError` is retried with exponential backoff (`backoffMs × 2^(attempt−1)`, capped);
 * any other error fails it at once. Each name runs at most `concurrency` runs at a time.
 * `stop` lets running handlers finish (their `signal` is not aborted); runs still waiting stay
 * queued for the next `start`. While started, `drain` waits for delayed runs too (advance a manual
 * clock); before `start` or after `stop` it waits only for running handlers.
 *
 * @throws ValidationError when `settings` are invalid.
 */
export function createMemoryJobs(settings: MemoryJobsSettings = {}): JobsV1 {
  const config = parseInput(MemoryJobsSettingsSchema, settings, { subject: 'memory jobs settings' });
  const clock = config.clock ?? createSystemClock();
  const workers = new Map<string, Worker>();
  const schedules = new Map<string, Schedule>();
  /** Runs not yet started: delayed (timer pending) or ready, by jobId. */
  const waiting = new Map<string, Run>();
  const running = new Set<Promise<void>>();
  let started = false;
  let stopping = false;
  let sequence = 0;
  let idleWaiters: (() => void)[] = [];

  // Waiting runs only count while the runner is started: before `start` or after `stop` nothing
  // would ever take them, and `drain` must not hang on them.
  const isIdle = () => running.size === 0 && (waiting.size === 0 || !started || stopping);
  const notifyIdle = () => {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const requireWorker = (name: string) => {
    const worker = workers.get(name);
    if (!worker) {
      throw new ConfigurationError({
        message: `no handler is registered for job '${name}'; call process('${name}', handler) first`,
        source: config.jobsId,
      });
    }
    return worker;
  };

  const backoffOf = (attempt: number) => Math.min(config.maxBackoffMs, config.backoffMs * 2 ** (attempt - 1));

  /** Starts every ready run its worker has room for, oldest first. */
  const pump = () => {
    if (!started || stopping) return;
    const ready = [...waiting.values()]
      .filter((run) => run.cancelTimer === null)
      .sort((a, b) => a.scheduledFor - b.scheduledFor || a.sequence - b.sequence);
    for (const run of ready) {
      const worker = workers.get(run.name);
      if (!worker || worker.running >= worker.concurrency) continue;
      waiting.delete(run.jobId);
      execute(run, worker);
    }
  };

  const execute = (run: Run, worker: Worker) => {
    worker.running++;
    const context: JobContextV1 = {
      jobId: run.jobId,
      attempt: run.attempt,
      scheduledFor: new Date(run.scheduledFor).toISOString(),
      signal: new AbortController().signal,
      progress: (fraction, message) =>
        config.onProgress?.({
          job: run.name,
          jobId: run.jobId,
          fraction: Math.min(1, Math.max(0, fraction)),
          ...(message === undefined ? {} : { message }),
        }),
    };
    const task = (async () => {
      try {
        await worker.handler(run.payload, context);
      } catch (error) {
        const retryable = DealScoutError.isInstance(error) && error.isRetryable;
        if (retryable && run.attempt < run.attempts) {
          const delay = backoffOf(run.attempt);
          wait(
            {
              ...run,
              attempt: run.attempt + 1,
              scheduledFor: clock.now().getTime() + delay,
              sequence: ++sequence,
            },
            delay,
          );
        } else {
          try {
            config.onFailed?.({ job: run.name, jobId: run.jobId, attempt: run.attempt, error });
          } catch {
            // A failing listener must not turn into an unhandled rejection inside the runner.
          }
        }
      } finally {
        worker.running--;
      }
    })();
    running.add(task);
    void task.then(() => {
      running.delete(task);
      pump();
      notifyIdle();
    });
  };

  /** Puts a run in the waiting set, ready now or after `delayMs` of clock time. */
  const wait = (run: Run, delayMs: number) => {
    waiting.set(run.jobId, run);
    if (delayMs > 0) {
      run.cancelTimer = clock.setTimeout(() => {
        run.cancelTimer = null;
        pump();
      }, delayMs);
    } else {
      run.cancelTimer = null;
    }
    pump();
  };

  const armSchedule = (name: string, schedule: Schedule) => {
    schedule.cancel = clock.setTimeout(() => {
      schedule.cancel = null;
      if (!started || stopping || schedules.get(name) !== schedule) return;
      // At most one waiting run per schedule: a slow handler does not pile up missed periods.
      const alreadyWaiting = [...waiting.values()].some((run) => run.fromSchedule && run.name === name);
      if (!alreadyWaiting) {
        const now = clock.now().getTime();
        const run: Run = {
          name,
          jobId: `${name}:${new Date(now).toISOString()}`,
          payload: structuredClone(schedule.payload),
          attempt: 1,
          attempts: config.defaultAttempts,
          scheduledFor: now,
          sequence: ++sequence,
          cancelTimer: null,
          fromSchedule: true,
        };
        wait(run, 0);
      }
      armSchedule(name, schedule);
    }, schedule.everyMs);
  };

  return {
    specificationVersion: 'v1',
    jobsId: config.jobsId,

    process(name, handler, options) {
      const parsed = parseInput(
        ProcessSchema,
        { name, concurrency: options?.concurrency },
        { subject: 'job handler' },
      );
      workers.set(parsed.name, {
        handler: handler as JobHandlerV1<unknown>,
        concurrency: parsed.concurrency,
        running: 0,
      });
      pump();
    },

    async enqueue(name, payload, options) {
      const parsed = parseInput(EnqueueSchema, { name, ...options }, { subject: 'job' });
      requireWorker(parsed.name);
      const jobId = parsed.jobId ?? createId('job');
      if (waiting.has(jobId)) return { jobId };
      const delay = parsed.delayMs ?? 0;
      wait(
        {
          name: parsed.name,
          jobId,
          payload: structuredClone(payload),
          attempt: 1,
          attempts: parsed.attempts ?? config.defaultAttempts,
          scheduledFor: clock.now().getTime() + delay,
          sequence: ++sequence,
          cancelTimer: null,
          fromSchedule: false,
        },
        delay,
      );
      return { jobId };
    },

    async schedule(name, options) {
      const parsed = parseInput(
        ScheduleSchema,
        { name, everyMs: options?.everyMs },
        { subject: 'job schedule' },
      );
      requireWorker(parsed.name);
      const existing = schedules.get(parsed.name);
      if (existing && existing.everyMs === parsed.everyMs) {
        existing.payload = structuredClone(options.payload);
        return;
      }
      existing?.cancel?.();
      const schedule: Schedule = {
        everyMs: parsed.everyMs,
        payload: structuredClone(options.payload),
        cancel: null,
      };
      schedules.set(parsed.name, schedule);
      if (started && !stopping) armSchedule(parsed.name, schedule);
    },

    async unschedule(name) {
      schedules.get(name)?.cancel?.();
      schedules.delete(name);
    },

    async start() {
      if (started && !stopping) return;
      started = true;
      stopping = false;
      for (const [name, schedule] of schedules) if (!schedule.cancel) armSchedule(name, schedule);
      pump();
    },

    async stop() {
      stopping = true;
      for (const schedule of schedules.values()) {
        schedule.cancel?.();
        schedule.cancel = null;
      }
      await Promise.all([...running]);
      notifyIdle();
    },

    drain() {
      if (isIdle()) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}
