import { Observable, type OperatorFunction } from 'rxjs';

/**
 * Groups what a source emits in one burst (synchronously, as a store page arrives) into one
 * array, at most `maxSize` long, flushed once the burst is over: one transaction per page
 * during catch-up, one per append when live.
 */
export function inBatches<T>(maxSize: number): OperatorFunction<T, T[]> {
  return (source) =>
    new Observable<T[]>((subscriber) => {
      let batch: T[] = [];
      let scheduled: NodeJS.Immediate | undefined;
      const flush = () => {
        if (scheduled) clearImmediate(scheduled);
        scheduled = undefined;
        if (batch.length === 0) return;
        const full = batch;
        batch = [];
        subscriber.next(full);
      };
      const subscription = source.subscribe({
        next: (item) => {
          batch.push(item);
          if (batch.length >= maxSize) flush();
          else scheduled ??= setImmediate(flush);
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
