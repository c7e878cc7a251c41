import { type JobContextV1, type JobsV1, StorageError, ValidationError } from '@deal-scout/core';
import { expect, it } from 'vitest';
import { type ConformanceSubject, defineConformanceSuite } from '../define-suite';

/** Groups of jobs tests that can be turned off. */
export type JobsConformanceToggle = 'delays' | 'retries' | 'concurrency' | 'schedules' | 'stop';

/** What `create` returns for the jobs suite: the runner plus a way to move its time forward. */
export type JobsConformanceSubject = ConformanceSubject<JobsV1> & {
  /**
   * Moves the runner's clock forward by `ms` (a manual clock's `advance`). Omit for runners on real
   * time; the suite then sleeps, so configure short backoffs (≤ 200 ms) for the test runner.
   */
  readonly advance?: (ms: number) => Promise<void>;
};

/** Options of {@link runJobsConformance}. */
export type JobsConformanceOptions = {
  readonly name: string;
  readonly create: () => Promise<JobsConformanceSubject> | JobsConformanceSubject;
  readonly skip?: Partial<Record<JobsConformanceToggle, boolean>>;
  readonly additionalTests?: (getSubject: () => JobsV1) => void;
  /** Most clock time the suite lets pass while waiting for retries and schedules (default 60 s). */
  readonly patienceMs?: number;
  /** Delay and schedule period the suite uses (default 1000 ms); shorten it for runners on real time. */
  readonly periodMs?: number;
};

/** A promise with its resolver, to hold handlers open. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/**
 * The `JobsV1` conformance suite: handlers receive their payload and context; `drain` waits for
 * runs; a waiting `jobId` is deduplicated; delays hold runs back; retryable errors are retried up
 * to `attempts` with attempt numbers, other errors are not; per-name concurrency; repeating
 * schedules (idempotent per name, removable); `stop` waits for running handlers.
 */
export function runJobsConformance(options: JobsConformanceOptions): void {
  let advance: ((ms: number) => Promise<void>) | undefined;
  defineConformanceSuite<
    JobsV1,
    JobsConformanceToggle,
    JobsConformanceOptions & { create: () => Promise<JobsConformanceSubject> }
  >(
    'jobs conformance',
    {
      ...options,
      create: async () => {
        const created = await options.create();
        advance = created.advance;
        return created;
      },
    },
    ({ getSubject, enabled }) => {
      const patience = options.patienceMs ?? 60_000;
      const period = options.periodMs ?? 1000;
      /** Lets `ms` of the runner's time pass (advancing its clock, or sleeping on real time). */
      const pass = async (ms: number) => {
        if (advance) await advance(ms);
        else await new Promise((resolve) => setTimeout(resolve, ms));
      };
      /** Lets time pass in small steps until `done()` holds or patience runs out. */
      const until = async (done: () => boolean) => {
        const step = advance ? 250 : 20;
        for (let waited = 0; !done() && waited <= patience; waited += step) await pass(step);
        return done();
      };
      const retryable = () => new StorageError({ message: 'connection reset', isRetryable: true });

      it('runs a handler with its payload and context, and drain waits for it', async () => {
        const jobs = getSubject();
        const seen: { payload: unknown; context: JobContextV1 }[] = [];
        jobs.process<{ listingId: string }>('conformance.simple', async (payload, context) => {
          seen.push({ payload, context });
        });
        await jobs.start();
        const { jobId } = await jobs.enqueue(
          'conformance.simple',
          { listingId: 'm:1' },
          { jobId: 'simple-1' },
        );
        expect(jobId).toBe('simple-1');
        await jobs.drain();
        expect(seen).toHaveLength(1);
        expect(seen[0]?.payload).toEqual({ listingId: 'm:1' });
        expect(seen[0]?.context).toMatchObject({ jobId: 'simple-1', attempt: 1 });
        expect(Number.isNaN(Date.parse(seen[0]!.context.scheduledFor))).toBe(false);
        const generated = await jobs.enqueue('conformance.simple', { listingId: 'm:2' });
        expect(generated.jobId).toBeTypeOf('string');
        await jobs.drain();
        expect(seen).toHaveLength(2);
        await jobs.stop();
      });

      it('ignores an enqueue whose jobId is already waiting', async () => {
        const jobs = getSubject();
        let runs = 0;
        jobs.process('conformance.dedupe', async () => {
          runs++;
        });
        await jobs.enqueue('conformance.dedupe', {}, { jobId: 'once' });
        await jobs.enqueue('conformance.dedupe', {}, { jobId: 'once' });
        await jobs.start();
        await jobs.drain();
        expect(runs).toBe(1);
        await jobs.stop();
      });

      it.skipIf(!enabled('delays'))('holds a delayed run back until its time', async () => {
        const jobs = getSubject();
        let ran = false;
        jobs.process('conformance.delayed', async () => {
          ran = true;
        });
        await jobs.start();
        await jobs.enqueue('conformance.delayed', {}, { delayMs: period });
        await pass(period / 2);
        expect(ran).toBe(false);
        expect(await until(() => ran)).toBe(true);
        await jobs.stop();
      });

      it.skipIf(!enabled('retries'))(
        'retries retryable failures up to `attempts`, counting attempts',
        async () => {
          const jobs = getSubject();
          const attempts: number[] = [];
          jobs.process('conformance.flaky', async (_payload, context) => {
            attempts.push(context.attempt);
            if (context.attempt < 3) throw retryable();
          });
          const alwaysFailing: number[] = [];
          jobs.process('conformance.broken', async (_payload, context) => {
            alwaysFailing.push(context.attempt);
            throw retryable();
          });
          await jobs.start();
          await jobs.enqueue('conformance.flaky', {}, { attempts: 5 });
          await jobs.enqueue('conformance.broken', {}, { attempts: 2 });
          expect(await until(() => attempts.length >= 3 && alwaysFailing.length >= 2)).toBe(true);
          await pass(period * 5); // more time must not bring more attempts
          expect(attempts).toEqual([1, 2, 3]);
          expect(alwaysFailing).toEqual([1, 2]);
          await jobs.stop();
        },
      );

      it.skipIf(!enabled('retries'))('does not retry an error that is not retryable', async () => {
        const jobs = getSubject();
        let runs = 0;
        jobs.process('conformance.invalid', async () => {
          runs++;
          throw new ValidationError({ issues: [{ field: 'payload', message: 'is wrong' }] });
        });
        await jobs.start();
        await jobs.enqueue('conformance.invalid', {}, { attempts: 3 });
        await until(() => runs > 0);
        await pass(period * 5);
        expect(runs).toBe(1);
        await jobs.stop();
      });

      it.skipIf(!enabled('concurrency'))('runs at most `concurrency` runs of a name at once', async () => {
        const jobs = getSubject();
        const hold = gate();
        let active = 0;
        let peak = 0;
        let finished = 0;
        jobs.process(
          'conformance.parallel',
          async () => {
            active++;
            peak = Math.max(peak, active);
            await hold.promise;
            active--;
            finished++;
          },
          { concurrency: 2 },
        );
        await jobs.start();
        for (let i = 0; i < 5; i++) await jobs.enqueue('conformance.parallel', { i });
        await until(() => active === 2);
        await pass(period / 2);
        expect(active).toBe(2);
        hold.open();
        await jobs.drain();
        expect(peak).toBe(2);
        expect(finished).toBe(5);
        await jobs.stop();
      });

      it.skipIf(!enabled('schedules'))(
        'repeats a schedule once per period, idempotently, until removed',
        async () => {
          const jobs = getSubject();
          const runs: unknown[] = [];
          jobs.process('conformance.tick', async (payload) => {
            runs.push(payload);
          });
          await jobs.schedule('conformance.tick', { everyMs: period, payload: { kind: 'tick' } });
          await jobs.schedule('conformance.tick', { everyMs: period, payload: { kind: 'tick' } });
          await jobs.start();
          expect(await until(() => runs.length >= 3)).toBe(true);
          expect(runs.every((payload) => JSON.stringify(payload) === '{"kind":"tick"}')).toBe(true);
          // Scheduling the same name twice must not double the runs: four periods bring about four
          // runs (exactly four on a manual clock; real timers get one period of slack), not eight.
          const before = runs.length;
          await pass(period * 4);
          const added = runs.length - before;
          if (advance) expect(added).toBe(4);
          else expect(added).toBeGreaterThanOrEqual(2);
          expect(added).toBeLessThanOrEqual(5);
          await jobs.unschedule('conformance.tick');
          await jobs.drain();
          const count = runs.length;
          await pass(period * 3);
          expect(runs.length).toBe(count);
          await jobs.stop();
        },
      );

      it.skipIf(!enabled('stop'))('stop waits for running handlers to finish', async () => {
        const jobs = getSubject();
        const hold = gate();
        let started = false;
        let finished = false;
        jobs.process('conformance.long', async () => {
          started = true;
          await hold.promise;
          finished = true;
        });
        await jobs.start();
        await jobs.enqueue('conformance.long', {});
        await until(() => started);
        let stopped = false;
        const stopping = jobs.stop().then(() => {
          stopped = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(stopped).toBe(false);
        hold.open();
        await stopping;
        expect(finished).toBe(true);
      });
    },
  );
}
