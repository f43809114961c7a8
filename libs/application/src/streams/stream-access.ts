import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { type ConflictState, conflictDecider } from '@cohesion/domain';
import type { RecordedEvent } from '@cohesion/event-store';
import { AggregateStore } from '../command-side/aggregate-store';
import { aggregateOfStream } from '../command-side/streams';
import { deciderOfStream } from './stream-deciders';
import type { Principal } from '../access/principal';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { hasRole, maySeeConflict, readsEverything } from '../access/access-rules';
import { seesPartnership } from '../access/read-scope';

/**
 * The streams endpoints serve any aggregate's raw events and state, so they apply each
 * aggregate's own read rule, found from the aggregate's current state (its partnership, a case's
 * parties and mediator). A stream the viewer may not read is answered as one that does not exist.
 */
export type StreamAccessAnswer = 'granted' | 'absent' | 'hidden';

@Injectable()
export class StreamAccess {
  constructor(
    private readonly aggregates: AggregateStore,
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
  ) {}

  /**
   * `granted`, or why not: `absent` (no such aggregate, as far as this viewer may know) or
   * `hidden` (it exists, and the viewer may not read it: answered as absent, and audited).
   */
  async accessTo(viewer: Principal, stream: string): Promise<StreamAccessAnswer> {
    if (readsEverything(viewer)) return 'granted';
    const aggregate = aggregateOfStream(stream);
    const decider = deciderOfStream(stream);
    if (aggregate === undefined || decider === undefined) return 'absent';
    if (aggregate === 'conflict') {
      const { state } = await this.aggregates.load(stream, conflictDecider);
      if (state.status === 'none') return 'absent';
      return maySeeConflict(viewer, participantsOf(state)) ? 'granted' : 'hidden';
    }
    const { state, revision } = await this.aggregates.load(stream, decider);
    if (revision === undefined) return 'absent';
    // Valuation policies are the whole ledger's, not a partnership's: every partner values with them.
    if (aggregate === 'valuation-policy') return hasRole(viewer, 'partner') ? 'granted' : 'hidden';
    const partnershipId = partnershipOf(state);
    const visible = partnershipId !== undefined && seesPartnership(this.db, viewer, partnershipId);
    return visible ? 'granted' : 'hidden';
  }

  /**
   * An event as this viewer may see it: who gave feedback (the submitting principal) and how to
   * reach them are personal data, served only to administrators and auditors. A redacted event
   * says what was withheld, since its hash no longer verifies against what is served.
   */
  viewOf<E extends RecordedEvent>(viewer: Principal, event: E): E | (E & { redacted: string[] }) {
    if (readsEverything(viewer) || event.type !== 'FeedbackSubmitted') return event;
    if (aggregateOfStream(event.stream) !== 'feedback') return event;
    const { contact: _contact, ...data } = event.data;
    const metadata = { ...event.metadata, actor: WITHHELD_ACTOR };
    const redacted = ['metadata.actor', ...('contact' in event.data ? ['data.contact'] : [])];
    return { ...event, data, metadata, redacted };
  }
}

/** Stands for the submitter of feedback, to readers who may not know who it was. */
const WITHHELD_ACTOR = { sub: '[withheld]', roles: [] };

function participantsOf(state: ConflictState) {
  return { ...state, proposedMediatorId: state.proposedMediator?.mediatorId };
}

/** Every aggregate but valuation policies belongs to a partnership, named in its state. */
function partnershipOf(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('partnershipId' in state)) return undefined;
  const { partnershipId } = state as { partnershipId: unknown };
  return typeof partnershipId === 'string' ? partnershipId : undefined;
}
