import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import { type AuditEntryView, auditEntryOf, auditTrailPositions } from '@cohesion/projections';
import type { Page } from '../read-models/paging';
import { pageRecordedBetween, type RecordedBetweenRequest } from '../read-models/recorded-between';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';

export interface AuditTrailRequest extends RecordedBetweenRequest {
  /** The acting principal (`sub`). */
  readonly actor?: string;
  /** The partner the principal acted for. */
  readonly partnerId?: string;
  readonly type?: string;
  /** Only the back-filled acts (true), or only those recorded in time (false). */
  readonly backfilled?: boolean;
}

export class AuditTrailQuery extends Query<Page<AuditEntryView>> {
  constructor(readonly filters: AuditTrailRequest) {
    super();
  }
}

/**
 * A page of the audit trail: the positions that pass the filters come from the read model (an
 * index over the log), the entries themselves from the events at those positions, read from the
 * log in one call.
 */
@QueryHandler(AuditTrailQuery)
export class AuditTrailHandler implements IQueryHandler<AuditTrailQuery, Page<AuditEntryView>> {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ filters }: AuditTrailQuery): Promise<Page<AuditEntryView>> {
    const { actor, partnerId, type, backfilled } = filters;
    const page = pageRecordedBetween(filters, (window) =>
      auditTrailPositions(this.db, { actor, partnerId, type, backfilled, ...window }).map(
        (position) => ({ position: String(position) }),
      ),
    );
    const wanted = page.items.map(({ position }) => BigInt(position));
    const events = await this.store.readAt(wanted);
    if (events.length !== wanted.length) {
      // The read model only ever indexes events the log handed it, and the log only grows.
      throw new Error(
        `The audit trail names ${wanted.length} events, the log holds ${events.length} of them`,
      );
    }
    return { items: events.map(auditEntryOf), next: page.next };
  }
}
