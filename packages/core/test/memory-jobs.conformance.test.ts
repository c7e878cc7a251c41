import { runJobsConformance } from '@deal-scout/testkit';
import { createManualClock, createMemoryJobs, createSystemClock } from '../src';

runJobsConformance({
  name: 'memory (manual clock)',
  create: () => {
    const clock = createManualClock();
    const jobs = createMemoryJobs({ clock });
    return { subject: jobs, advance: (ms) => clock.advance(ms), teardown: () => jobs.stop() };
  },
});

runJobsConformance({
  name: 'memory (system clock)',
  create: () => {
    const jobs = createMemoryJobs({ clock: createSystemClock(), backoffMs: 20, maxBackoffMs: 100 });
    return { subject: jobs, teardown: () => jobs.stop() };
  },
  patienceMs: 5000,
  periodMs: 100,
});
