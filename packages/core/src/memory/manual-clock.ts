import type { ClockV1 } from '../clock/v1/clock-v1';
import { sleepOn } from '../runtime/system-clock';

/** A clock that only moves when told to: timers fire during `advance`, in due order. */
export type ManualClock = ClockV1 & {
  /** Moves time forward by `ms`, firing due timers in order and letting their promises settle. */
  advance(ms: number): Promise<void>;
  /** Jumps to an instant (must not be in the past), firing due timers. */
  setTime(to: Date | string): Promise<void>;
  /** Number of timers waiting. */
  readonly pendingTimers: number;
};

type Timer = { id: number; at: number; callback: () => void };

/** Creates a manual clock starting at `start` (default 2026-01-05T09:00:00Z, a Monday). */
export function createManualClock(start: Date | string = '2026-01-05T09:00:00.000Z'): ManualClock {
  let now = new Date(start).getTime();
  let nextId = 1;
  const timers: Timer[] = [];
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  };
  const runUntil = async (target: number) => {
    // Let work already in flight register its timers at the current time before time moves.
    await settle();
    for (;;) {
      timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const next = timers[0];
      if (!next || next.at > target) break;
      timers.shift();
      now = Math.max(now, next.at);
      next.callback();
      await settle();
    }
    now = target;
    await settle();
  };
  const clock: ManualClock = {
    now: () => new Date(now),
    setTimeout(callback, ms) {
      const timer = { id: nextId++, at: now + Math.max(0, ms), callback };
      timers.push(timer);
      return () => {
        const index = timers.indexOf(timer);
        if (index >= 0) timers.splice(index, 1);
      };
    },
    sleep: (ms, signal) => sleepOn(clock, ms, signal),
    advance: (ms) => runUntil(now + ms),
    async setTime(to) {
      const target = new Date(to).getTime();
      if (target < now) throw new RangeError('a manual clock cannot move backwards');
      await runUntil(target);
    },
    get pendingTimers() {
      return timers.length;
    },
  };
  return clock;
}
