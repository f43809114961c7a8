import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@cohesion/event-store';
import type { Principal } from '../access/principal';
import { concealing, invalidRequest, notFound } from '../errors';
import { StreamAccess } from './stream-access';
import { deciderOfStream } from './stream-deciders';

/** A recorded event as JSON can carry it: 64-bit numbers as decimal strings. */
export type RecordedEventView = Omit<RecordedEvent, 'revision' | 'position'> & {
  readonly revision: string;
  readonly position: string;
  /** The fields withheld from this reader (the event's hash no longer verifies what is served). */
  readonly redacted?: string[];
};

export interface StreamEventsPage {
  readonly stream: string;
  readonly events: readonly RecordedEventView[];
  /** The revision the next page starts at, `null` on the last page. */
  readonly next: string | null;
}

export interface StreamStateView {
  readonly stream: string;
  readonly revision: string;
  readonly recordedAt: string;
  readonly state: unknown;
}

/** Where to stop folding a stream: at a revision, or at what was recorded by an instant. */
export interface StreamPoint {
  readonly revision?: number;
  readonly at?: string;
}

/**
 * Any aggregate's raw history, for those its own read rule lets read it: its events page by page,
 * and its state as folded up to a revision or an instant. A stream the reader may not read is
 * answered exactly as one that does not exist.
 */
@Injectable()
export class StreamHistory {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: StreamAccess,
  ) {}

  async events(
    viewer: Principal,
    stream: string,
    fromRevision: number,
    limit: number,
  ): Promise<StreamEventsPage> {
    await this.assertReadable(stream, viewer, `Stream ${stream} has no events`);
    const events: RecordedEventView[] = [];
    const read = { fromRevision: BigInt(fromRevision), maxCount: limit + 1 };
    for await (const event of this.store.readStream(stream, read)) {
      events.push(viewOf(this.access.viewOf(viewer, event)));
    }
    if (events.length === 0 && fromRevision === 0) {
      throw notFound(`Stream ${stream} has no events`);
    }
    return {
      stream,
      events: events.slice(0, limit),
      next: events.length > limit ? String(fromRevision + limit) : null,
    };
  }

  async stateAt(viewer: Principal, stream: string, point: StreamPoint): Promise<StreamStateView> {
    const decider = await this.assertReadable(
      stream,
      viewer,
      `Stream ${stream} had no events by then`,
    );
    if (point.revision !== undefined && point.at !== undefined) {
      throw invalidRequest('Ask for a revision or a time, not both');
    }
    const at = point.at === undefined ? undefined : new Date(point.at).toISOString();
    let state = decider.initialState();
    let last: RecordedEvent | undefined;
    for await (const event of this.store.readStream(stream)) {
      if (point.revision !== undefined && event.revision > BigInt(point.revision)) break;
      if (at !== undefined && event.metadata.recordedAt > at) break;
      state = decider.evolve(state, { type: event.type, data: event.data });
      last = event;
    }
    if (!last) throw notFound(`Stream ${stream} had no events by then`);
    return {
      stream,
      revision: last.revision.toString(),
      recordedAt: last.metadata.recordedAt,
      state,
    };
  }

  /**
   * The aggregate's own read rule applies; a stream the viewer may not read answers exactly as
   * an empty one (`asIfEmpty`), so that its existence is not revealed.
   */
  private async assertReadable(stream: string, viewer: Principal, asIfEmpty: string) {
    const decider = deciderOfStream(stream);
    if (!decider) throw notFound(`No aggregate has a stream named ${stream}`);
    const access = await this.access.accessTo(viewer, stream);
    if (access === 'hidden') throw concealing(notFound(asIfEmpty));
    if (access === 'absent') throw notFound(asIfEmpty);
    return decider;
  }
}

function viewOf(event: RecordedEvent & { redacted?: string[] }): RecordedEventView {
  return { ...event, revision: event.revision.toString(), position: event.position.toString() };
}
