import { Observable, type OperatorFunction } from 'rxjs';

/** How long a batch may wait for more at most, however steadily items keep arriving. */
const DEFAULT_MAX_DELAY_MS = 25;

/**
 * Groups what a source emits into arrays of at most `maxSize`, flushed once the source pauses: a
 * store delivers a page synchronously, then yields one event-loop turn before the next, so a batch
 * keeps growing while pages follow each other (catch-up: `maxSize` events per transaction) and is
 * flushed one turn after the last of them (live: one transaction per append or burst of appends).
 * Under a steady stream that never pauses (appends committed turn after turn), a batch is flushed
 * once its first item has waited `maxDelayMs`, so the read models never fall far behind.
 */
export function inBatches<T>(
  maxSize: number,
  maxDelayMs = DEFAULT_MAX_DELAY_MS,
): OperatorFunction<T, T[]> {
  return (source) =>
    new Observable<T[]>((subscriber) => {
      let batch: T[] = [];
      let scheduled: NodeJS.Immediate | undefined;
      /** Whether items arrived since the last look: the source has not paused yet. */
      let arrived = false;
      /** When the first item of the current batch arrived. */
      let startedAt = 0;
      const flush = () => {
        if (scheduled) clearImmediate(scheduled);
        scheduled = undefined;
        arrived = false;
        if (batch.length === 0) return;
        const full = batch;
        batch = [];
        subscriber.next(full);
      };
      const flushOncePaused = () => {
        scheduled = undefined;
        if (!arrived || performance.now() - startedAt >= maxDelayMs) return flush();
        arrived = false;
        scheduled = setImmediate(flushOncePaused);
      };
      const subscription = source.subscribe({
        next: (item) => {
          if (batch.length === 0) startedAt = performance.now();
          batch.push(item);
          arrived = true;
          if (batch.length >= maxSize) flush();
          else scheduled ??= setImmediate(flushOncePaused);
        },
        error: (error: unknown) => {
          flush();
          subscriber.error(error);
        },
        complete: () => {
          flush();
          subscriber.complete();
        },
      });
      return () => {
        subscription.unsubscribe();
        if (scheduled) clearImmediate(scheduled);
      };
    });
}
