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
});
