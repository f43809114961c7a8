import {
  START,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type EventStoreDBClient,
  type ReadPosition,
} from '@eventstore/db-client';
import { Observable } from 'rxjs';
import type { SubscribeToAllOptions } from '../event-store.port';
import type { RecordedEvent } from '../recorded-event';
import { commitPositionOf, toRecordedEvent } from './eventstoredb-envelope';
import { storeErrorOf } from './eventstoredb-errors';
import { isWantedLedgerEvent, serverFilterFor } from './eventstoredb-filters';

/** How a dropped subscription is resumed: exponential backoff, capped, for a bounded number of tries. */
export interface ResubscribePolicy {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Consecutive drops without the server confirming a new subscription before giving up. */
  readonly maxAttempts: number;
}

export const DEFAULT_RESUBSCRIBE_POLICY: ResubscribePolicy = {
  initialDelayMs: 100,
  maxDelayMs: 5000,
  maxAttempts: 10,
};

/**
 * Catch-up-then-live subscription to `$all` that survives dropped connections: after a drop it
 * subscribes again from the last event it saw, and it never passes on an event at or before that
 * one, so nothing is skipped or repeated whatever the server resends.
 */
export function subscribeToAllResubscribing(
  client: EventStoreDBClient,
  options: SubscribeToAllOptions,
  policy: ResubscribePolicy,
): Observable<RecordedEvent> {
  return new Observable<RecordedEvent>((subscriber) => {
    const start = options.fromPosition ?? 'start';
    // Resuming from the exact ESDB position (commit and prepare) of the last event seen, filtered
    // out or not, keeps a resubscription from rescanning what was already scanned.
    let resumeFrom: ReadPosition = start === 'start' ? START : { commit: start, prepare: start };
    let lastSeen = start === 'start' ? -1n : start;
    let current: AllStreamSubscription | undefined;
    let retryTimer: NodeJS.Timeout | undefined;
    let consecutiveDrops = 0;
    let stopped = false;

    const release = (subscription: AllStreamSubscription) => {
      // A subscription that has already failed has nothing left to release; ignore its answer.
      subscription.unsubscribe().catch(() => undefined);
    };

    const stop = (error: unknown) => {
      stopped = true;
      if (current) release(current);
      current = undefined;
      subscriber.error(error);
    };

    const onEvent = ({ event }: AllStreamResolvedEvent) => {
      if (stopped || !event) return;
      consecutiveDrops = 0;
      try {
        const position = commitPositionOf(event);
        if (position <= lastSeen) return;
        lastSeen = position;
        resumeFrom = event.position;
        if (isWantedLedgerEvent(event, options.filter)) subscriber.next(toRecordedEvent(event));
      } catch (error) {
        stop(error);
      }
    };

    const onDrop = (subscription: AllStreamSubscription, error: unknown) => {
      if (stopped || subscription !== current) return;
      release(subscription);
      current = undefined;
      consecutiveDrops += 1;
      if (consecutiveDrops > policy.maxAttempts) {
        stop(storeErrorOf(error));
        return;
      }
      const delay = Math.min(
        policy.maxDelayMs,
        policy.initialDelayMs * 2 ** (consecutiveDrops - 1),
      );
      retryTimer = setTimeout(open, delay);
    };

    const open = () => {
      retryTimer = undefined;
      if (stopped) return;
      const subscription = client.subscribeToAll({
        fromPosition: resumeFrom,
        filter: serverFilterFor(options.filter),
      });
      current = subscription;
      subscription
        .on('confirmation', () => {
          consecutiveDrops = 0;
        })
        .on('data', (resolved: AllStreamResolvedEvent) => {
          if (subscription === current) onEvent(resolved);
        })
        .on('error', (error) => onDrop(subscription, error))
        .on('end', () => onDrop(subscription, new Error('the server ended the subscription')));
    };

    open();
    return () => {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (current) release(current);
      current = undefined;
    };
  });
}
