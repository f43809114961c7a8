import type Database from 'better-sqlite3';
import {
  type CommitmentEvent,
  type CommitmentStatus,
  type CommitmentTerms,
  UNSPECIFIED_COMMITMENT_KIND,
} from '@cohesion/domain';
import { backfillReasonOf, effectiveDateOf, type RecordedEvent } from '@cohesion/event-store';
import { actColumnsOf } from '../projection-kit';
import type { Projector } from '../projector';
import { allOf, dispatch, type EventHandlers } from '../sql-kit';
import {
  ACCOUNTABILITY_SCHEMA,
  ACCOUNTABILITY_TABLES,
  accountabilityRoster,
} from './accountability.schema';

/** Commitments: who committed what, to whom, by when, and whether it was delivered. */
export const accountabilityProjector: Projector = {
  name: 'accountability',
  version: 4,
  tables: ACCOUNTABILITY_TABLES,
  schema: ACCOUNTABILITY_SCHEMA,
  bind: (db) => allOf(accountabilityRoster.bind(db), dispatch(commitmentHandlers(db))),
};

interface StatusChange {
  readonly to: CommitmentStatus;
  readonly by: string;
  readonly reason?: string;
}

function commitmentHandlers(db: Database.Database): EventHandlers<CommitmentEvent> {
  const insertCommitment = db.prepare(
    `INSERT OR IGNORE INTO accountability_commitments (commitment_id, made_position,
       partnership_id, partner_id, objective_id, beneficiary_partner_id, beneficiary_group, kind,
       what, due_date, quantity, unit, terms_version, status, made_at, made_on, backfill_reason)
     VALUES (@commitmentId, @position, @partnershipId, @partnerId, @objectiveId,
       @beneficiaryPartnerId, @beneficiaryGroup, @kind, @what, @dueDate, @quantity, @unit, 1,
       'made', @at, @effectiveDate, @backfillReason)`,
  );
  const insertTerms = db.prepare(
    `INSERT OR IGNORE INTO accountability_terms (commitment_id, version, what, due_date, quantity,
       unit, amended_by, reason, recorded_at, effective_date, backfill_reason)
     VALUES (@commitmentId, @version, @what, @dueDate, @quantity, @unit, @amendedBy, @reason, @at,
       @effectiveDate, @backfillReason)`,
  );
  const amend = db.prepare(
    `UPDATE accountability_commitments SET what = @what, due_date = @dueDate,
       quantity = @quantity, unit = @unit, terms_version = terms_version + 1
     WHERE commitment_id = @commitmentId RETURNING terms_version`,
  );
  const statusOf = db.prepare(
    'SELECT status FROM accountability_commitments WHERE commitment_id = ?',
  );
  const setStatus = db.prepare(
    'UPDATE accountability_commitments SET status = ? WHERE commitment_id = ?',
  );
  const insertHistory = db.prepare(
    `INSERT OR IGNORE INTO accountability_status_history (commitment_id, position, status_from,
       status_to, changed_by, actor, reason, recorded_at, effective_date, backfill_reason)
     VALUES (@commitmentId, @position, @from, @to, @by, @actor, @reason, @at, @effectiveDate,
       @backfillReason)`,
  );
  const accept = db.prepare(
    'UPDATE accountability_commitments SET accepted_by = ? WHERE commitment_id = ?',
  );
  // On time is judged by the day delivered (the completing claim's), not the day recorded.
  const setEnd = db.prepare(
    `UPDATE accountability_commitments SET ended_at = @at, ended_on = @effectiveDate,
       end_reason = @reason, delivered_on = @deliveredOn,
       fulfilled_on_time = CASE WHEN @deliveredOn IS NOT NULL THEN @deliveredOn <= due_date END
     WHERE commitment_id = @commitmentId`,
  );
  const insertClaim = db.prepare(
    `INSERT OR IGNORE INTO accountability_claims (commitment_id, claim_id, position, claimed_by,
       evidence, quantity, unit, complete, contribution_id, status, claimed_at, delivered_on,
       backfill_reason)
     VALUES (@commitmentId, @claimId, @position, @claimedBy, @evidence, @quantity, @unit,
       @complete, @contributionId, 'claimed', @at, @deliveredOn, @backfillReason)`,
  );
  const settleClaim = db.prepare(
    `UPDATE accountability_claims SET status = @status, settled_by = @by, settled_at = @at,
       dispute_reason = @reason
     WHERE commitment_id = @commitmentId AND claim_id = @claimId AND status = 'claimed'`,
  );
  const claimOf = db.prepare(
    `SELECT settled_by, delivered_on FROM accountability_claims
     WHERE commitment_id = ? AND claim_id = ?`,
  );
  const countClaim = db.prepare(
    `UPDATE accountability_commitments SET claims_pending = claims_pending + 1
     WHERE commitment_id = ?`,
  );
  // Rounded like the domain's sums, so that 0.1 + 0.2 confirmed reads 0.3.
  const countSettled = db.prepare(
    `UPDATE accountability_commitments SET claims_pending = claims_pending - 1,
       claims_confirmed = claims_confirmed + @confirmed, claims_disputed = claims_disputed + @disputed,
       confirmed_quantity = round(confirmed_quantity + @quantity, 6)
     WHERE commitment_id = @commitmentId`,
  );

  /** Moves the commitment to a status, recording the change once (none for an unknown one). */
  const change = (commitmentId: string, event: RecordedEvent, { to, by, reason }: StatusChange) => {
    const row = statusOf.get(commitmentId) as { status: CommitmentStatus } | undefined;
    if (!row || row.status === to) return;
    setStatus.run(to, commitmentId);
    record(commitmentId, event, { from: row.status, to, by, reason });
  };
  const record = (
    commitmentId: string,
    event: RecordedEvent,
    change: StatusChange & { from: CommitmentStatus | null },
  ) =>
    insertHistory.run({
      commitmentId,
      position: event.position,
      from: change.from,
      to: change.to,
      by: change.by,
      actor: event.metadata.actor.sub,
      reason: change.reason ?? null,
      at: event.metadata.recordedAt,
      ...actColumnsOf(event),
    });
  const end = (
    commitmentId: string,
    event: RecordedEvent,
    ending: StatusChange & { deliveredOn?: string },
  ) => {
    setEnd.run({
      commitmentId,
      at: event.metadata.recordedAt,
      effectiveDate: effectiveDateOf(event),
      reason: ending.reason ?? null,
      deliveredOn: ending.deliveredOn ?? null,
    });
    change(commitmentId, event, ending);
  };
  const settle = (
    commitmentId: string,
    claimId: string,
    event: RecordedEvent,
    settled: { status: 'confirmed' | 'disputed'; by: string; reason?: string; quantity?: number },
  ) => {
    const { changes } = settleClaim.run({
      commitmentId,
      claimId,
      status: settled.status,
      by: settled.by,
      at: event.metadata.recordedAt,
      reason: settled.reason ?? null,
    });
    if (changes === 0) return;
    countSettled.run({
      commitmentId,
      confirmed: settled.status === 'confirmed' ? 1 : 0,
      disputed: settled.status === 'disputed' ? 1 : 0,
      quantity: settled.quantity ?? 0,
    });
  };

  return {
    CommitmentMade: (data, event) => {
      const { commitmentId, beneficiary } = data;
      const at = event.metadata.recordedAt;
      const { changes } = insertCommitment.run({
        commitmentId,
        position: event.position,
        partnershipId: data.partnershipId,
        partnerId: data.partnerId,
        objectiveId: data.objectiveId ?? null,
        beneficiaryPartnerId: beneficiary.kind === 'partner' ? beneficiary.partnerId : null,
        beneficiaryGroup: beneficiary.kind === 'group' ? beneficiary.name : null,
        kind: data.kind ?? UNSPECIFIED_COMMITMENT_KIND,
        ...termsOf(data),
        at,
        ...actColumnsOf(event),
      });
      if (changes === 0) return;
      const terms = { ...termsOf(data), amendedBy: null, reason: null, at, ...actColumnsOf(event) };
      insertTerms.run({ commitmentId, version: 1, ...terms });
      record(commitmentId, event, { from: null, to: 'made', by: data.partnerId });
    },
    CommitmentAccepted: ({ commitmentId, acceptedBy }, event) => {
      accept.run(acceptedBy, commitmentId);
      change(commitmentId, event, { to: 'accepted', by: acceptedBy });
    },
    CommitmentAmended: (data, event) => {
      const amended = amend.get({ commitmentId: data.commitmentId, ...termsOf(data) }) as
        | { terms_version: number }
        | undefined;
      if (!amended) return;
      insertTerms.run({
        commitmentId: data.commitmentId,
        version: amended.terms_version,
        ...termsOf(data),
        amendedBy: data.amendedBy,
        reason: data.reason,
        at: event.metadata.recordedAt,
        ...actColumnsOf(event),
      });
    },
    FulfilmentClaimed: (data, event) => {
      const { changes } = insertClaim.run({
        commitmentId: data.commitmentId,
        claimId: data.claimId,
        position: event.position,
        claimedBy: data.claimedBy,
        evidence: data.evidence,
        quantity: data.quantity ?? null,
        unit: data.unit ?? null,
        complete: data.complete ? 1 : 0,
        contributionId: data.contributionId ?? null,
        at: event.metadata.recordedAt,
        deliveredOn: data.deliveredOn ?? effectiveDateOf(event),
        backfillReason: backfillReasonOf(event) ?? null,
      });
      if (changes > 0) countClaim.run(data.commitmentId);
    },
    FulfilmentConfirmed: ({ commitmentId, claimId, confirmedBy, quantity }, event) => {
      settle(commitmentId, claimId, event, { status: 'confirmed', by: confirmedBy, quantity });
      change(commitmentId, event, { to: 'in_progress', by: confirmedBy });
    },
    FulfilmentDisputed: ({ commitmentId, claimId, disputedBy, reason }, event) =>
      settle(commitmentId, claimId, event, { status: 'disputed', by: disputedBy, reason }),
    CommitmentFulfilled: ({ commitmentId, claimId }, event) => {
      // Whoever confirmed the claim that completed it vouched for the delivery.
      const claim = claimOf.get(commitmentId, claimId) as
        | { settled_by: string | null; delivered_on: string }
        | undefined;
      end(commitmentId, event, {
        to: 'fulfilled',
        by: claim?.settled_by ?? event.metadata.actor.sub,
        deliveredOn: claim?.delivered_on ?? effectiveDateOf(event),
      });
    },
    CommitmentClosedAsPartial: ({ commitmentId, closedBy, reason }, event) =>
      end(commitmentId, event, { to: 'closed_partial', by: closedBy, reason }),
    CommitmentReleased: ({ commitmentId, releasedBy, reason }, event) =>
      end(commitmentId, event, { to: 'released', by: releasedBy, reason }),
    CommitmentWithdrawn: ({ commitmentId, withdrawnBy, reason }, event) =>
      end(commitmentId, event, { to: 'withdrawn', by: withdrawnBy, reason }),
  };
}

/** The terms as bound to SQL: a commitment without a quantity has neither quantity nor unit. */
function termsOf({ what, dueDate, quantity, unit }: CommitmentTerms) {
  return {
    what,
    dueDate,
    quantity: quantity ?? null,
    unit: quantity === undefined ? null : (unit ?? null),
  };
}
