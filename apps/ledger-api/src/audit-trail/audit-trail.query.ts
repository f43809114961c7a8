import { BadRequestException, Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { type AuditEntryView, auditTrail } from '@cohesion/projections';
import { cursorKey, type Page, pageOf } from '../read-models/paging';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import type { AuditTrailQueryDto } from './audit-trail.dto';

export class AuditTrailQuery extends Query<Page<AuditEntryView>> {
  constructor(readonly filters: AuditTrailQueryDto) {
    super();
  }
}

/** As recorded (UTC, milliseconds), so that instants compare as text; a day is its midnight UTC. */
function recordedForm(instant: string | undefined, name: string): string | undefined {
  if (instant === undefined) return undefined;
  const time = Date.parse(instant);
  if (Number.isNaN(time)) throw new BadRequestException(`${name} is not a valid instant`);
  return new Date(time).toISOString();
}

@QueryHandler(AuditTrailQuery)
export class AuditTrailHandler implements IQueryHandler<AuditTrailQuery, Page<AuditEntryView>> {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ filters }: AuditTrailQuery): Promise<Page<AuditEntryView>> {
    const { actor, partnerId, type, limit, cursor } = filters;
    const [after] = cursorKey(cursor, ['number']) ?? [];
    const rows = auditTrail(this.db, {
      actor,
      partnerId,
      type,
      from: recordedForm(filters.from, 'from'),
      to: recordedForm(filters.to, 'to'),
      after,
      limit: limit + 1,
    });
    return Promise.resolve(pageOf(rows, limit, (row) => [Number(row.position)]));
  }
}
