import type Database from 'better-sqlite3';
import type { ObjectiveStatus } from '@cohesion/domain';

/** The counters of a partnership row, moved by deltas. */
export const COUNTERS = [
  'members',
  'former_members',
  'objectives_open',
  'objectives_achieved',
  'objectives_retired',
  'meetings',
  'decisions',
  'commitments',
  'contributions',
  'agreements',
  'conflicts',
] as const;
export type Counter = (typeof COUNTERS)[number];

export const OBJECTIVE_COUNTER: Record<ObjectiveStatus, Counter> = {
  open: 'objectives_open',
  achieved: 'objectives_achieved',
  retired: 'objectives_retired',
};

export function prepare(db: Database.Database) {
  const statement = (sql: string) => db.prepare(sql);
  return {
    found: statement(
      `INSERT INTO partnership_overview_partnerships (partnership_id, name, purpose, territory,
         neighbourhoods, status, founded_at, founded_on, backfill_reason, updated_at, revision)
       VALUES (@partnershipId, @name, @purpose, @territory, @neighbourhoods, 'founded', @at,
         @effectiveDate, @backfillReason, @at, @revision)`,
    ),
    touch: statement(
      `UPDATE partnership_overview_partnerships SET updated_at = @at, revision = @revision
       WHERE partnership_id = @partnershipId`,
    ),
    status: statement(
      `UPDATE partnership_overview_partnerships SET status = @status, status_reason = @reason
       WHERE partnership_id = @partnershipId`,
    ),
    defaultValuationPolicy: statement(
      `UPDATE partnership_overview_partnerships SET default_valuation_policy_id = @policyId
       WHERE partnership_id = @partnershipId`,
    ),
    activate: statement(
      `UPDATE partnership_overview_partnerships SET status = 'active'
       WHERE partnership_id = ? AND status = 'founded'`,
    ),
    adjust: statement(
      `UPDATE partnership_overview_partnerships SET
         ${COUNTERS.map((counter) => `${counter} = ${counter} + @${counter}`).join(', ')}
       WHERE partnership_id = @partnershipId`,
    ),
    lastMeeting: statement(
      `UPDATE partnership_overview_partnerships
       SET last_meeting_on = MAX(COALESCE(last_meeting_on, ''), @heldOn)
       WHERE partnership_id = @partnershipId`,
    ),
    partnerStatus: statement(
      `SELECT status FROM partnership_overview_partners WHERE partnership_id = ? AND partner_id = ?`,
    ),
    // A partner who left and joins again is a member again, with its new role.
    join: statement(
      `INSERT INTO partnership_overview_partners (partnership_id, partner_id, name, kind, role,
         responsibilities, status, joined_at, joined_on, backfill_reason, joined_position)
       VALUES (@partnershipId, @partnerId, @name, @kind, @role, @responsibilities, 'member', @at,
         @effectiveDate, @backfillReason, @position)
       ON CONFLICT (partnership_id, partner_id) DO UPDATE SET name = excluded.name,
         kind = excluded.kind, role = excluded.role, responsibilities = excluded.responsibilities,
         status = 'member', joined_at = excluded.joined_at, joined_on = excluded.joined_on,
         backfill_reason = excluded.backfill_reason,
         joined_position = excluded.joined_position, role_changed_at = NULL, left_at = NULL,
         left_reason = NULL`,
    ),
    leave: statement(
      `UPDATE partnership_overview_partners SET status = 'left', left_at = @at, left_reason = @reason
       WHERE partnership_id = @partnershipId AND partner_id = @partnerId`,
    ),
    changeRole: statement(
      `UPDATE partnership_overview_partners
       SET role = @role, responsibilities = @responsibilities, role_changed_at = @at
       WHERE partnership_id = @partnershipId AND partner_id = @partnerId`,
    ),
    objectiveStatus: statement(
      `SELECT status FROM partnership_overview_objectives
       WHERE partnership_id = ? AND objective_id = ?`,
    ),
    setObjective: statement(
      `INSERT INTO partnership_overview_objectives (partnership_id, objective_id, title,
         description, target_date, status, set_at, set_on, backfill_reason, set_position)
       VALUES (@partnershipId, @objectiveId, @title, @description, @targetDate, 'open', @at,
         @effectiveDate, @backfillReason, @position)`,
    ),
    reviseObjective: statement(
      `UPDATE partnership_overview_objectives SET title = @title, description = @description,
         target_date = @targetDate, revisions = revisions + 1, revised_at = @at,
         revision_reason = @reason
       WHERE partnership_id = @partnershipId AND objective_id = @objectiveId`,
    ),
    closeObjective: statement(
      `UPDATE partnership_overview_objectives SET status = @status, closed_at = @at,
         evidence = @evidence, retired_reason = @reason
       WHERE partnership_id = @partnershipId AND objective_id = @objectiveId`,
    ),
    meeting: statement(
      `INSERT INTO partnership_overview_meetings (partnership_id, meeting_id, held_on, attendees,
         decisions, notes, recorded_at, backfill_reason)
       VALUES (@partnershipId, @meetingId, @heldOn, @attendees, @decisions, @notes, @at,
         @backfillReason)`,
    ),
  };
}

export type Statements = ReturnType<typeof prepare>;

/** Moves a partnership's counters by these deltas (the others by 0). */
export function adjuster(statements: Statements) {
  return (partnershipId: string, deltas: Partial<Record<Counter, number>>) =>
    statements.adjust.run({
      partnershipId,
      ...Object.fromEntries(COUNTERS.map((counter) => [counter, deltas[counter] ?? 0])),
    });
}
