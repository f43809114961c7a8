import type { ProjectionRunner } from '@cohesion/projections';
import { withProgress } from '../progress/progress';

const POLL_MS = 50;

/**
 * Waits, showing progress as `task`, until every read model has applied the log up to `head`;
 * fails with the runner's reason when a batch cannot be applied.
 */
export async function readModelsCaughtUp(
  runner: ProjectionRunner,
  head: bigint,
  task: string,
): Promise<void> {
  await withProgress(task, Number(head), 'log position', async (progress) => {
    while (runner.position < head) {
      if (runner.failure) {
        throw new Error(`read models cannot be brought up to date: ${runner.failure.cause}`);
      }
      progress.update(Number(runner.position), Number(runner.position));
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    progress.update(Number(head), Number(head));
  });
}
