import type Database from 'better-sqlite3';
import type { CommitmentEvent, ContributionEvent, ValuationPolicyEvent } from '@cohesion/domain';
import type { Projector } from '../projector';
import { allOf, dispatch, type EventHandlers } from '../sql-kit';
import {
  CONTRIBUTION_RECOGNITION_SCHEMA,
  CONTRIBUTION_RECOGNITION_TABLES,
  recognitionRoster,
} from './contribution-recognition.schema';

/** Contributions: who gave what, of which kind, worth how much under which valuation policy. */
export const contributionRecognitionProjector: Projector = {
  name: 'contribution_recognition',
  // 4: the partnership index covers what the reports add up.
  version: 4,
  tables: CONTRIBUTION_RECOGNITION_TABLES,
  schema: CONTRIBUTION_RECOGNITION_SCHEMA,
  bind: (db) =>
    allOf(
      recognitionRoster.bind(db),
      dispatch(contributionHandlers(db)),
      dispatch(policyHandlers(db)),
      dispatch(commitmentHandlers(db)),
    ),
};

function contributionHandlers(db: Database.Database): EventHandlers<ContributionEvent> {
  const record = db.prepare(
    `INSERT OR IGNORE INTO contribution_recognition_contributions (contribution_id, position,
       partnership_id, partner_id, kind, quantity, unit, date, description, commitment_id, status,
       recorded_at, backfill_reason)
     VALUES (@contributionId, @position, @partnershipId, @partnerId, @kind, @quantity, @unit,
       @date, @description, @commitmentId, 'recorded', @at, @backfillReason)`,
  );
  const acknowledge = db.prepare(
    `INSERT OR IGNORE INTO contribution_recognition_acknowledgements (contribution_id,
       acknowledged_by, note, position, acknowledged_at)
     SELECT @contributionId, @acknowledgedBy, @note, @position, @at
     WHERE EXISTS (SELECT 1 FROM contribution_recognition_contributions
                   WHERE contribution_id = @contributionId)`,
  );
  const countAcknowledgement = db.prepare(
    `UPDATE contribution_recognition_contributions SET acknowledgements = acknowledgements + 1,
       status = CASE status WHEN 'recorded' THEN 'acknowledged' ELSE status END
     WHERE contribution_id = ?`,
  );
  const reverse = db.prepare(
    `UPDATE contribution_recognition_contributions
     SET status = 'reversed', reversed_at = ?, reversal_reason = ?
     WHERE contribution_id = ?`,
  );
  return {
    ContributionRecorded: (data, { position, metadata }) =>
      record.run({
        ...data,
        commitmentId: data.commitmentId ?? null,
        position,
        at: metadata.recordedAt,
        backfillReason: metadata.backfillReason ?? null,
      }),
    ContributionAcknowledged: (
      { contributionId, acknowledgedBy, note },
      { position, metadata },
    ) => {
      const { changes } = acknowledge.run({
        contributionId,
        acknowledgedBy,
        note: note ?? null,
        position,
        at: metadata.recordedAt,
      });
      if (changes > 0) countAcknowledgement.run(contributionId);
    },
    ContributionReversed: ({ contributionId, reason }, { metadata }) =>
      reverse.run(metadata.recordedAt, reason, contributionId),
  };
}

function policyHandlers(db: Database.Database): EventHandlers<ValuationPolicyEvent> {
  const define = db.prepare(
    `INSERT OR IGNORE INTO contribution_recognition_policies (policy_id, name, currency, defined_at)
     VALUES (?, ?, ?, ?)`,
  );
  const entry = db.prepare(
    `INSERT OR IGNORE INTO contribution_recognition_rates (policy_id, version, entry, kind, unit,
       effective_from, rate, currency, source, reason, recorded_at)
     VALUES (@policyId, @version, @entry, @kind, @unit, @effectiveFrom, @rate, @currency, @source,
       @reason, @at)`,
  );
  return {
    ValuationPolicyDefined: ({ policyId, name, currency }, { metadata }) =>
      define.run(policyId, name, currency, metadata.recordedAt),
    ValuationRateSet: (data, { metadata }) =>
      entry.run({ ...data, entry: 'rate', reason: null, at: metadata.recordedAt }),
    ValuationRateRetired: (data, { metadata }) =>
      entry.run({
        ...data,
        entry: 'retirement',
        rate: null,
        currency: null,
        source: null,
        at: metadata.recordedAt,
      }),
  };
}

function commitmentHandlers(db: Database.Database): EventHandlers<CommitmentEvent> {
  const make = db.prepare(
    `INSERT OR IGNORE INTO contribution_recognition_commitments (commitment_id, partnership_id,
       partner_id, due_date) VALUES (?, ?, ?, ?)`,
  );
  const amend = db.prepare(
    'UPDATE contribution_recognition_commitments SET due_date = ? WHERE commitment_id = ?',
  );
  const withdraw = db.prepare(
    'UPDATE contribution_recognition_commitments SET withdrawn = 1 WHERE commitment_id = ?',
  );
  return {
    CommitmentMade: ({ commitmentId, partnershipId, partnerId, dueDate }) =>
      make.run(commitmentId, partnershipId, partnerId, dueDate),
    CommitmentAmended: ({ commitmentId, dueDate }) => amend.run(dueDate, commitmentId),
    CommitmentWithdrawn: ({ commitmentId }) => withdraw.run(commitmentId),
  };
}
