import { describe, expect, it } from 'vitest';
import {
  ConfigurationError,
  createManualClock,
  createMemoryJobs,
  type JobFailureEvent,
  type JobProgressEvent,
  RateLimitedError,
} from '../src';

describe('memory jobs beyond the conformance suite', () => {
  it('answers bad job input with a ValidationError naming the field, and unknown names with ConfigurationError', async () => {
    const jobs = createMemoryJobs({ clock: createManualClock() });
    jobs.process('known', async () => {});
    await expect(jobs.enqueue('known', {}, { attempts: 0 })).rejects.toMatchObject({ field: 'attempts' });
    await expect(jobs.enqueue('known', {}, { delayMs: -1 })).rejects.toMatchObject({ field: 'delayMs' });
    await expect(jobs.schedule('known', { everyMs: 0 })).rejects.toMatchObject({ field: 'everyMs' });
    expect(() => jobs.process('', async () => {})).toThrow(expect.objectContaining({ field: 'name' }));
    await expect(jobs.enqueue('unknown', {})).rejects.toBeInstanceOf(ConfigurationError);
  });

  it('backs off exponentially on the clock and reports progress and the final failure', async () => {
    const clock = createManualClock();
    const progress: JobProgressEvent[] = [];
    const failures: JobFailureEvent[] = [];
    const jobs = createMemoryJobs({
      clock,
      backoffMs: 1000,
      maxBackoffMs: 3000,
      defaultAttempts: 4,
      onProgress: (event) => progress.push(event),
      onFailed: (event) => failures.push(event),
    });
    const startedAt: number[] = [];
    jobs.process('sync', async (_payload, context) => {
      startedAt.push(clock.now().getTime());
      context.progress(context.attempt / 4, `attempt ${context.attempt}`);
      throw new RateLimitedError({ message: 'slow down', source: 'test' });
    });
    await jobs.start();
    const t0 = clock.now().getTime();
    await jobs.enqueue('sync', {}, { jobId: 'sync-1' });
    await clock.advance(10_000);
    await jobs.drain();
    expect(startedAt.map((time) => time - t0)).toEqual([0, 1000, 3000, 6000]);
    expect(progress.map((event) => event.fraction)).toEqual([0.25, 0.5, 0.75, 1]);
    expect(progress[0]).toEqual({ job: 'sync', jobId: 'sync-1', fraction: 0.25, message: 'attempt 1' });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ job: 'sync', jobId: 'sync-1', attempt: 4 });
    await jobs.stop();
  });

  it('fires schedules one period after start, on the manual clock', async () => {
    const clock = createManualClock();
    const jobs = createMemoryJobs({ clock });
    const firedAt: string[] = [];
    jobs.process('catch-up', async (_payload, context) => {
      firedAt.push(context.scheduledFor);
    });
    await jobs.schedule('catch-up', { everyMs: 15 * 60_000 });
    await clock.advance(60 * 60_000);
    expect(firedAt).toEqual([]); // not started: nothing runs
    await jobs.start();
    await clock.advance(30 * 60_000);
    expect(firedAt).toEqual(['2026-01-05T10:15:00.000Z', '2026-01-05T10:30:00.000Z']);
    await jobs.stop();
    await clock.advance(30 * 60_000);
    expect(firedAt).toHaveLength(2);
  });

  it('drains at once before start, keeping runs queued for start', async () => {
    const jobs = createMemoryJobs({ clock: createManualClock() });
    let runs = 0;
    jobs.process('later', async () => {
      runs++;
    });
    await jobs.enqueue('later', {});
    await jobs.drain();
    expect(runs).toBe(0);
    await jobs.start();
    await jobs.drain();
    expect(runs).toBe(1);
    await jobs.stop();
  });
});
