import { Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { LRUCache } from 'lru-cache';

/** What the guard is told of a client's budget (the library does not export its name). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** Clients tracked at most: a flood of new addresses evicts the least recently seen. */
const MAX_CLIENTS = 100_000;

interface Budget {
  /** Start of the current window, ms. */
  start: number;
  /** Requests in the current window, and in the one before it. */
  count: number;
  previous: number;
  blockedUntil: number;
}

/**
 * Rate-limit budgets as two counters per client and limit (a sliding window counter): the
 * requests of the current window, plus those of the previous one weighted by how much of it the
 * sliding window still covers. Constant work and memory per request, where the library's default
 * storage keeps, and filters on every request, one timestamp per request of the last window —
 * tens of thousands for a busy client, the API's costliest step under load.
 */
@Injectable()
export class CountingThrottlerStorage implements ThrottlerStorage {
  private readonly budgets = new LRUCache<string, Budget>({ max: MAX_CLIENTS });

  constructor(private readonly now: () => number = () => Date.now()) {}

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    const id = `${throttlerName}\u0000${key}`;
    const budget = this.budgets.get(id) ?? { start: now, count: 0, previous: 0, blockedUntil: 0 };
    this.budgets.set(id, budget);
    const windows = Math.floor((now - budget.start) / ttl);
    if (windows > 0) {
      budget.previous = windows === 1 ? budget.count : 0;
      budget.count = 0;
      budget.start += windows * ttl;
    }
    const timeToExpire = Math.ceil((budget.start + ttl - now) / 1000);
    if (budget.blockedUntil > now) {
      return Promise.resolve({
        totalHits: limit + 1,
        timeToExpire,
        isBlocked: true,
        timeToBlockExpire: Math.ceil((budget.blockedUntil - now) / 1000),
      });
    }
    budget.count += 1;
    const covered = 1 - (now - budget.start) / ttl;
    const totalHits = Math.floor(budget.previous * covered) + budget.count;
    const isBlocked = totalHits > limit;
    const blockFor = blockDuration > 0 ? blockDuration : ttl;
    if (isBlocked) budget.blockedUntil = now + blockFor;
    return Promise.resolve({
      totalHits,
      timeToExpire,
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil(blockFor / 1000) : 0,
    });
  }
}
