import { BadRequestException, Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { accessAudit, type AccessEntryView } from '@cohesion/projections';
import { cursorKey, type Page, pageOf } from '../read-models/paging';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import type { AccessAuditQueryDto } from './access-audit.dto';

export class AccessAuditQuery extends Query<Page<AccessEntryView>> {
  constructor(readonly filters: AccessAuditQueryDto) {
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

@QueryHandler(AccessAuditQuery)
export class AccessAuditHandler implements IQueryHandler<AccessAuditQuery, Page<AccessEntryView>> {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ filters }: AccessAuditQuery): Promise<Page<AccessEntryView>> {
    const { sub, outcome, limit, cursor } = filters;
    const [after] = cursorKey(cursor, ['number']) ?? [];
    const rows = accessAudit(this.db, {
      sub,
      outcome,
      from: recordedForm(filters.from, 'from'),
      to: recordedForm(filters.to, 'to'),
      after,
      limit,
    });
    return Promise.resolve(pageOf(rows, limit, (row) => [Number(row.position)]));
  }
}
