import { firstValueFrom, Observable, Subject, toArray } from 'rxjs';
import { inBatches } from './in-batches';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('inBatches', () => {
  it('gathers bursts that follow each other turn after turn into batches of the largest size', async () => {
    // As a store catching up: a page of 10 synchronously, then one turn of the event loop.
    const pages = new Observable<number>((subscriber) => {
      let next = 0;
      const page = () => {
        for (let index = 0; index < 10; index++) subscriber.next(next++);
        setImmediate(next < 50 ? page : () => subscriber.complete());
      };
      page();
    });
    const batches = await firstValueFrom(pages.pipe(inBatches(25), toArray()));
    expect(batches.map((batch) => batch.length)).toEqual([25, 25]);
    expect(batches.flat()).toEqual(Array.from({ length: 50 }, (_, index) => index));
  });

  it('flushes what arrived once the source pauses, without waiting for more', async () => {
    const live = new Subject<number>();
    const batches: number[][] = [];
    const subscription = live.pipe(inBatches(100)).subscribe((batch) => batches.push(batch));
    live.next(1);
    live.next(2);
    await nextTurn();
    await nextTurn();
    expect(batches).toEqual([[1, 2]]);
    live.next(3);
    await nextTurn();
    await nextTurn();
    expect(batches).toEqual([[1, 2], [3]]);
    subscription.unsubscribe();
  });

  it('does not hold a batch back longer than its delay while items keep arriving turn after turn', async () => {
    // As appends committed in every turn of the event loop: the source never pauses.
    const steady = new Observable<number>((subscriber) => {
      let next = 0;
      const started = performance.now();
      const emit = () => {
        subscriber.next(next++);
        if (performance.now() - started < 200) setImmediate(emit);
        else subscriber.complete();
      };
      emit();
    });
    const batches = await firstValueFrom(steady.pipe(inBatches(1_000_000, 20), toArray()));
    // 200 ms of items with at most 20 ms per batch: several batches, not one at the end.
    expect(batches.length).toBeGreaterThanOrEqual(5);
    expect(batches.flat()).toEqual(Array.from({ length: batches.flat().length }, (_, i) => i));
  });
});
