import { CountingThrottlerStorage } from './counting-throttler-storage';

const MINUTE = 60_000;

describe('the rate limit’s counting storage', () => {
  let clock: number;
  let storage: CountingThrottlerStorage;
  const hit = (key = 'default:203.0.113.9', limit = 3) =>
    storage.increment(key, MINUTE, limit, MINUTE, 'default');

  beforeEach(() => {
    clock = 1_000_000;
    storage = new CountingThrottlerStorage(() => clock);
  });

  it('counts each client apart, and blocks one over its limit for the block duration', async () => {
    for (const expected of [1, 2, 3]) {
      await expect(hit()).resolves.toMatchObject({ totalHits: expected, isBlocked: false });
    }
    await expect(hit('default:198.51.100.7')).resolves.toMatchObject({ totalHits: 1 });
    await expect(hit()).resolves.toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
    clock += 30_000;
    await expect(hit()).resolves.toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    // The block is over, but the minute before still holds its 4 requests: over the limit again.
    clock += 30_000;
    await expect(hit()).resolves.toMatchObject({ isBlocked: true });
    // A minute later the minute before holds that one request only: this one makes two.
    clock += 60_000;
    await expect(hit()).resolves.toMatchObject({ isBlocked: false, totalHits: 2 });
  });

  it('slides: the previous window weighs by how much of it is still within the last minute', async () => {
    for (let n = 0; n < 10; n++) await hit('busy', 100);
    clock += MINUTE + MINUTE / 2; // half of the previous window still counts: 5, plus this one
    await expect(hit('busy', 100)).resolves.toMatchObject({ totalHits: 6 });
    clock += MINUTE * 2; // two windows later: nothing of before counts
    await expect(hit('busy', 100)).resolves.toMatchObject({ totalHits: 1 });
  });
});
