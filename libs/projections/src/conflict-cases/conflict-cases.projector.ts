import type Database from 'better-sqlite3';
import type { ConflictEvent } from '@cohesion/domain';
import type { RecordedEvent } from '@cohesion/event-store';
import type { Projector } from '../projector';
import { actColumnsOf } from '../projection-kit';
import { type EventTypes, handledEventOf, fromJsonColumn, toJsonColumn } from '../sql-kit';
import { type CaseState, everyParty, evolveCase, isCaseOpen } from './conflict-case-state';
import { takesSnapshotAt } from './conflict-case-snapshots';
import { CONFLICT_CASES_SCHEMA, CONFLICT_CASES_TABLES } from './conflict-cases.schema';

const CONFLICT_EVENTS: EventTypes<ConflictEvent> = {
  ConflictRaised: true,
  ConflictAcknowledged: true,
  MediatorProposed: true,
  MediatorObjected: true,
  MediatorAccepted: true,
  MediatorAssigned: true,
  StatementRecorded: true,
  MediationSessionHeld: true,
  ResolutionProposed: true,
  ResolutionAccepted: true,
  ResolutionRejected: true,
  ConflictResolved: true,
  ConflictEscalated: true,
  ConflictWithdrawn: true,
  FollowUpReviewScheduled: true,
};

function statementsOf(db: Database.Database) {
  return {
    current: db.prepare('SELECT state, raised_at FROM conflict_cases_cases WHERE conflict_id = ?'),
    raise: db.prepare(
      `INSERT INTO conflict_cases_cases (conflict_id, seq, partnership_id, status, open, raised_at,
         updated_at, revision, state)
       VALUES (@id, @position, @partnershipId, @status, 1, @at, @at, @revision, @state)`,
    ),
    party: db.prepare(
      'INSERT INTO conflict_cases_parties (party_id, seq, conflict_id) VALUES (?, ?, ?)',
    ),
    update: db.prepare(
      `UPDATE conflict_cases_cases SET status = @status, open = @open, mediator_id = @mediatorId,
         updated_at = @at, revision = @revision, state = @state,
         closed_at = COALESCE(closed_at, @closedAt),
         resolved_at = COALESCE(resolved_at, @resolvedAt),
         time_to_resolution_ms = COALESCE(time_to_resolution_ms, @timeToResolutionMs)
       WHERE conflict_id = @id`,
    ),
    step: db.prepare(
      `INSERT INTO conflict_cases_timeline (conflict_id, revision, position, type, recorded_at,
         effective_date, backfill_reason, actor, data)
       VALUES (@id, @revision, @position, @type, @at, @effectiveDate, @backfillReason, @actor,
         @data)`,
    ),
    snapshot: db.prepare(
      'INSERT INTO conflict_cases_snapshots (conflict_id, revision, state) VALUES (?, ?, ?)',
    ),
  };
}

/** Conflict cases and their replayable timelines. */
export const conflictCasesProjector: Projector = {
  name: 'conflict_cases',
  // 4: the timeline keeps the case state only in periodic snapshots.
  version: 4,
  tables: CONFLICT_CASES_TABLES,
  schema: CONFLICT_CASES_SCHEMA,
  bind(db) {
    const sql = statementsOf(db);
    return (recorded: RecordedEvent) => {
      const event = handledEventOf<ConflictEvent>(CONFLICT_EVENTS, recorded);
      if (!event) return;
      const id = event.data.conflictId;
      const current = sql.current.get(id) as { state: string; raised_at: string } | undefined;
      // A case begins with its raise; nothing else can come first, nor a second raise.
      if (current ? event.type === 'ConflictRaised' : event.type !== 'ConflictRaised') return;
      const before = current && fromJsonColumn<CaseState>(current.state);
      const after = evolveCase(before, event);
      if (!after) return;
      const at = recorded.metadata.recordedAt;
      const common = {
        id,
        at,
        revision: Number(recorded.revision),
        position: Number(recorded.position),
        status: after.status,
        state: toJsonColumn(after),
      };
      sql.step.run({
        ...common,
        type: event.type,
        actor: toJsonColumn(recorded.metadata.actor),
        data: toJsonColumn(event.data),
        ...actColumnsOf(recorded),
      });
      if (takesSnapshotAt(common.revision)) sql.snapshot.run(id, common.revision, common.state);
      if (!current) {
        sql.raise.run({ ...common, partnershipId: after.partnershipId });
        for (const party of new Set(everyParty(after))) sql.party.run(party, common.position, id);
        return;
      }
      const open = isCaseOpen(after.status);
      const resolved = after.status === 'resolved';
      sql.update.run({
        ...common,
        open: open ? 1 : 0,
        mediatorId: after.mediatorId,
        closedAt: open ? null : at,
        resolvedAt: resolved ? at : null,
        timeToResolutionMs: resolved ? Date.parse(at) - Date.parse(current.raised_at) : null,
      });
    };
  },
};
