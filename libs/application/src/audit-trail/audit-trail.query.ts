import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { type AuditEntryView, auditTrail } from '@cohesion/projections';
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

@QueryHandler(AuditTrailQuery)
export class AuditTrailHandler implements IQueryHandler<AuditTrailQuery, Page<AuditEntryView>> {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ filters }: AuditTrailQuery): Promise<Page<AuditEntryView>> {
    const { actor, partnerId, type, backfilled } = filters;
    return Promise.resolve(
      pageRecordedBetween(filters, (window) =>
        auditTrail(this.db, { actor, partnerId, type, backfilled, ...window }),
      ),
    );
  }
}
