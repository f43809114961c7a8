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
@Injectable()
export class StreamAccess {
  constructor(
    private readonly aggregates: AggregateStore,
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
  ) {}

  async mayRead(viewer: Principal, stream: string): Promise<boolean> {
    if (readsEverything(viewer)) return true;
    const aggregate = aggregateOfStream(stream);
    const decider = deciderOfStream(stream);
    if (aggregate === undefined || decider === undefined) return false;
    // Valuation policies are the whole ledger's, not a partnership's: every partner values with them.
    if (aggregate === 'valuation-policy') return hasRole(viewer, 'partner');
    if (aggregate === 'conflict') {
      const { state } = await this.aggregates.load(stream, conflictDecider);
      return state.status !== 'none' && maySeeConflict(viewer, participantsOf(state));
    }
    const { state } = await this.aggregates.load(stream, decider);
    const partnershipId = partnershipOf(state);
    return partnershipId !== undefined && seesPartnership(this.db, viewer, partnershipId);
  }

  /**
   * An event as this viewer may see it: the contact details of who gave feedback are personal
   * data, served only to administrators and auditors. A redacted event says so, since its hash
   * no longer verifies against what is served.
   */
  viewOf<E extends RecordedEvent>(viewer: Principal, event: E): E | (E & { redacted: string[] }) {
    if (readsEverything(viewer) || aggregateOfStream(event.stream) !== 'feedback') return event;
    if (!('contact' in event.data)) return event;
    const { contact: _contact, ...data } = event.data;
    return { ...event, data, redacted: ['data.contact'] };
  }
}

function participantsOf(state: ConflictState) {
  return { ...state, proposedMediatorId: state.proposedMediator?.mediatorId };
}

/** Every aggregate but valuation policies belongs to a partnership, named in its state. */
function partnershipOf(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('partnershipId' in state)) return undefined;
  const { partnershipId } = state as { partnershipId: unknown };
  return typeof partnershipId === 'string' ? partnershipId : undefined;
}
