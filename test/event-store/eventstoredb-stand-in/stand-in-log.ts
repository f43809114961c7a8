/** An event as the stand-in keeps it: what the real server would return for it. */
export interface StoredEvent {
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  /** Commit and prepare position alike, as for any event of a gRPC append. */
  readonly position: bigint;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** .NET ticks (100 ns) since the Unix epoch, as ESDB's `created` metadata. */
  readonly created: bigint;
}

export type ProposedEvent = Pick<
  StoredEvent,
  'id' | 'type' | 'contentType' | 'data' | 'customMetadata'
>;

/** ESDB's expected-version options for an append. */
export type ExpectedState = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** A stream's current revision, `no_stream` before its first event. */
export type CurrentState = 'no_stream' | bigint;

export type AppendOutcome =
  | { readonly kind: 'success'; readonly current: CurrentState; readonly position?: bigint }
  | { readonly kind: 'wrong_expected_version'; readonly current: CurrentState };

/** Like a transaction-file offset: positions grow by each record's size, so they leave gaps. */
const RECORD_HEADER_BYTES = 96n;
const TICKS_PER_MILLISECOND = 10_000n;

/**
 * The stand-in's whole log, in memory for the life of the server, so every client connected to
 * it (including one opened after another closed) sees the same events.
 */
export class StandInLog {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly appendListeners = new Set<() => void>();
  private nextPosition = 1024n;

  get events(): readonly StoredEvent[] {
    return this.all;
  }

  streamEvents(stream: string): readonly StoredEvent[] | undefined {
    return this.streams.get(stream);
  }

  currentState(stream: string): CurrentState {
    const events = this.streams.get(stream);
    return events ? events[events.length - 1].revision : 'no_stream';
  }

  /** Writes all the events or none, as ESDB does with the expected-version check. */
  append(
    stream: string,
    expected: ExpectedState,
    proposed: readonly ProposedEvent[],
  ): AppendOutcome {
    const current = this.currentState(stream);
    if (!satisfies(expected, current)) return { kind: 'wrong_expected_version', current };
    if (proposed.length === 0) return { kind: 'success', current };
    const events = this.streams.get(stream) ?? [];
    let revision = current === 'no_stream' ? -1n : current;
    const created = BigInt(Date.now()) * TICKS_PER_MILLISECOND;
    for (const event of proposed) {
      revision += 1n;
      const stored: StoredEvent = {
        ...event,
        stream,
        revision,
        position: this.nextPosition,
        created,
      };
      this.nextPosition +=
        RECORD_HEADER_BYTES + BigInt(event.data.length + event.customMetadata.length);
      events.push(stored);
      this.all.push(stored);
    }
    this.streams.set(stream, events);
    this.appendListeners.forEach((listener) => listener());
    const last = events[events.length - 1];
    return { kind: 'success', current: last.revision, position: last.position };
  }

  /** Index in `events` of the first event at or after `position`. */
  indexAtOrAfter(position: bigint): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.all[middle].position < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Calls `listener` after each append; returns the function that stops it. */
  onAppended(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }
}

function satisfies(expected: ExpectedState, current: CurrentState): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === 'no_stream';
    case 'stream_exists':
      return current !== 'no_stream';
    default:
      return expected === current;
  }
}
