import type { ClockV1 } from '../clock/v1/clock-v1';

/** Abort-aware sleep on a clock's timers. */
export function sleepOn(clock: Pick<ClockV1, 'setTimeout'>, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      cancel();
      reject(signal?.reason);
    };
    const cancel = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The real wall clock. */
export function createSystemClock(): ClockV1 {
  const clock: ClockV1 = {
    now: () => new Date(),
    setTimeout(callback, ms) {
      const handle = globalThis.setTimeout(callback, Math.max(0, ms));
      return () => globalThis.clearTimeout(handle);
    },
    sleep: (ms, signal) => sleepOn(clock, ms, signal),
  };
  return clock;
}
