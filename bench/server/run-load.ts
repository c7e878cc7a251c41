import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadJob, LoadSummary, WorkerMessage } from './load-protocol';

const workerPath = fileURLToPath(new URL('./load-worker.ts', import.meta.url));

/** Settings of one load run; `label` names it in the progress line. */
export type RunLoadSettings = LoadJob & {
  readonly label: string;
  /** Called about once a second with the run's progress. */
  readonly onProgress?: (
    label: string,
    phase: 'warm-up' | 'measure',
    elapsedSeconds: number,
    responses: number,
  ) => void;
};

/** The measured run and the warm-up before it (null when there was none). */
export type LoadOutcome = { readonly warmup: LoadSummary | null; readonly summary: LoadSummary };

/**
 * Loads a server from a second process (`load-worker.ts`, autocannon): a warm-up, then the
 * measured run.
 * The child inherits this process's loader flags (tsx), so it runs the TypeScript worker as is.
 * It is killed if it outlives the run by 60 s, so a stuck server cannot hang the benchmark.
 * Throws when the worker fails or exits without a summary.
 */
export function runLoad(settings: RunLoadSettings): Promise<LoadOutcome> {
  const { label, onProgress, ...job } = settings;
  return new Promise((resolve, reject) => {
    const child = fork(workerPath, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      outcome();
    };
    const guard = setTimeout(
      () => {
        child.kill('SIGKILL');
        finish(() => reject(new Error(`${label}: the load generator did not finish in time`)));
      },
      (job.warmupSeconds + job.durationSeconds + 60) * 1000,
    );
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'tick')
        onProgress?.(label, message.phase, message.elapsedSeconds, message.responses);
      else if (message.type === 'done')
        finish(() => resolve({ warmup: message.warmup, summary: message.summary }));
      else finish(() => reject(new Error(`${label}: load generator failed: ${message.message}`)));
    });
    child.on('error', (error) => finish(() => reject(error)));
    child.on('exit', (code) =>
      finish(() => reject(new Error(`${label}: load generator exited with code ${code} before reporting`))),
    );
    child.send(job);
  });
}
