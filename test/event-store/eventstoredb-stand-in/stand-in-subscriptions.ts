import { type ServerWritableStream, status } from '@grpc/grpc-js';
import type { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { StandInLog } from './stand-in-log';
import { caughtUpMessage, confirmationMessage, eventMessage } from './stand-in-messages';
import { filterOf, subscriptionStartIndex } from './stand-in-reads';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

/** A subscription's requested start: the beginning, the end, or after a commit position. */
export type SubscriptionStart = 'start' | 'end' | bigint;

/**
 * Subscriptions to `$all`: a confirmation, the catch-up events, CaughtUp, then each new event as
 * it is appended, until the client cancels or the stand-in drops the subscription.
 */
export class StandInSubscriptions {
  /** Each active subscription call and the function that wakes its pump. */
  private readonly active = new Map<ReadCall, () => void>();
  private readonly dropped = new WeakSet<ReadCall>();
  /** Where each subscription asked to start, in arrival order: lets tests see a resumption. */
  readonly requestedStarts: SubscriptionStart[] = [];

  constructor(private readonly log: StandInLog) {}

  get activeCount(): number {
    return this.active.size;
  }

  async serve(call: ReadCall, options: ReadReq.Options): Promise<void> {
    this.requestedStarts.push(requestedStart(options));
    const matches = filterOf(options);
    let cursor = subscriptionStartIndex(this.log, options);
    let wake = () => {};
    const wakeUp = () => wake();
    this.active.set(call, wakeUp);
    const stopListening = this.log.onAppended(wakeUp);
    call.on('cancelled', wakeUp);
    const live = () => !call.cancelled && !this.dropped.has(call);
    try {
      await send(call, confirmationMessage());
      let caughtUp = false;
      while (live()) {
        while (live() && cursor < this.log.events.length) {
          const event = this.log.events[cursor];
          cursor += 1;
          if (matches(event)) await send(call, eventMessage(event));
        }
        if (!live()) break;
        if (!caughtUp) {
          caughtUp = true;
          await send(call, caughtUpMessage());
        }
        // Armed synchronously after the check: an append cannot slip in between.
        await new Promise<void>((resolve) => {
          wake = resolve;
          if (!live() || cursor < this.log.events.length) resolve();
        });
      }
    } finally {
      stopListening();
      this.active.delete(call);
    }
  }

  /** Ends every active subscription with UNAVAILABLE, as a server restart or a proxy would. */
  dropAll(): number {
    const calls = [...this.active.entries()];
    for (const [call, wakeUp] of calls) {
      this.dropped.add(call);
      call.emit('error', {
        code: status.UNAVAILABLE,
        details: 'the stand-in dropped the subscription',
      });
      wakeUp();
    }
    return calls.length;
  }
}

/** Writes one message, waiting while the client's window is full. */
export function send(call: ReadCall, message: ReadResp): Promise<void> {
  if (call.cancelled || call.write(message)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      call.off('drain', done);
      call.off('cancelled', done);
      call.off('close', done);
      resolve();
    };
    call.on('drain', done).on('cancelled', done).on('close', done);
  });
}

function requestedStart(options: ReadReq.Options): SubscriptionStart {
  const allOptions = options.getAll();
  const position = allOptions?.getPosition();
  if (position) return BigInt(position.getCommitPosition());
  return allOptions?.hasEnd() ? 'end' : 'start';
}
