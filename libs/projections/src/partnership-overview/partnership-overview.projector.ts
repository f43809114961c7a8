import type {
  AgreementEvent,
  CommitmentEvent,
  ConflictEvent,
  ContributionEvent,
  ObjectiveStatus,
  PartnershipEvent,
} from '@cohesion/domain';
import type { RecordedEvent } from '@cohesion/event-store';
import type { Projector } from '../projector';
import { actColumnsOf } from '../projection-kit';
import { domainEventOf } from '../sql-kit';
import {
  type Counted,
  PARTNERSHIP_OVERVIEW_SCHEMA,
  PARTNERSHIP_OVERVIEW_TABLES,
} from './partnership-overview.schema';
import {
  adjuster,
  OBJECTIVE_COUNTER,
  prepare,
  type Statements,
} from './partnership-overview.statements';

/** The creation events of the aggregates counted per partnership; each carries partnershipId. */
type Created = Extract<
  CommitmentEvent | ContributionEvent | AgreementEvent | ConflictEvent,
  { type: 'CommitmentMade' | 'ContributionRecorded' | 'AgreementProposed' | 'ConflictRaised' }
>;
const COUNTED_BY: Record<Created['type'], Counted> = {
  CommitmentMade: 'commitments',
  ContributionRecorded: 'contributions',
  AgreementProposed: 'agreements',
  ConflictRaised: 'conflicts',
};

function partnershipHandler(statements: Statements) {
  const adjust = adjuster(statements);
  const closeObjective = (
    partnershipId: string,
    objectiveId: string,
    status: ObjectiveStatus,
    at: string,
    closing: { evidence?: string; reason?: string },
  ) => {
    const before = statements.objectiveStatus.get(partnershipId, objectiveId) as
      | { status: ObjectiveStatus }
      | undefined;
    if (!before) return;
    statements.closeObjective.run({
      partnershipId,
      objectiveId,
      status,
      at,
      evidence: closing.evidence ?? null,
      reason: closing.reason ?? null,
    });
    adjust(partnershipId, {
      [OBJECTIVE_COUNTER[before.status]]: -1,
      [OBJECTIVE_COUNTER[status]]: 1,
    });
  };

  /** Applies a partnership event; false for a type it does not know. */
  return (event: PartnershipEvent, recorded: RecordedEvent): boolean => {
    const { recordedAt: at } = recorded.metadata;
    const { position, revision } = recorded;
    switch (event.type) {
      case 'PartnershipFounded':
        statements.found.run({
          ...event.data,
          neighbourhoods: JSON.stringify(event.data.neighbourhoods),
          at,
          revision,
          ...actColumnsOf(recorded),
        });
        return true;
      case 'PartnerJoined': {
        const { partnershipId, partnerId, responsibilities } = event.data;
        const before = statements.partnerStatus.get(partnershipId, partnerId) as
          | { status: 'member' | 'left' }
          | undefined;
        statements.join.run({
          ...event.data,
          responsibilities: JSON.stringify(responsibilities),
          at,
          position,
          ...actColumnsOf(recorded),
        });
        adjust(partnershipId, { members: 1, former_members: before?.status === 'left' ? -1 : 0 });
        statements.activate.run(partnershipId);
        return true;
      }
      case 'PartnerLeft':
        statements.leave.run({ ...event.data, at });
        adjust(event.data.partnershipId, { members: -1, former_members: 1 });
        return true;
      case 'PartnerRoleChanged':
        statements.changeRole.run({
          ...event.data,
          responsibilities: JSON.stringify(event.data.responsibilities),
          at,
        });
        return true;
      case 'ObjectiveSet':
        statements.setObjective.run({
          ...event.data,
          targetDate: event.data.targetDate ?? null,
          at,
          position,
          ...actColumnsOf(recorded),
        });
        adjust(event.data.partnershipId, { objectives_open: 1 });
        return true;
      case 'ObjectiveRevised':
        statements.reviseObjective.run({
          ...event.data,
          targetDate: event.data.targetDate ?? null,
          at,
        });
        return true;
      case 'ObjectiveAchieved': {
        const { partnershipId, objectiveId, evidence } = event.data;
        closeObjective(partnershipId, objectiveId, 'achieved', at, { evidence });
        return true;
      }
      case 'ObjectiveRetired': {
        const { partnershipId, objectiveId, reason } = event.data;
        closeObjective(partnershipId, objectiveId, 'retired', at, { reason });
        return true;
      }
      case 'MeetingHeld': {
        const { partnershipId, attendees, decisions, notes } = event.data;
        statements.meeting.run({
          ...event.data,
          attendees: JSON.stringify(attendees),
          decisions: JSON.stringify(decisions),
          notes: notes ?? null,
          at,
          ...actColumnsOf(recorded),
        });
        adjust(partnershipId, { meetings: 1, decisions: decisions.length });
        statements.lastMeeting.run(event.data);
        return true;
      }
      case 'PartnershipSuspended':
        statements.status.run({ ...event.data, status: 'suspended' });
        return true;
      case 'PartnershipReactivated':
        statements.status.run({ ...event.data, status: 'active', reason: null });
        return true;
      case 'PartnershipClosed':
        statements.status.run({ ...event.data, status: 'closed' });
        return true;
      case 'DefaultValuationPolicySet':
        statements.defaultValuationPolicy.run(event.data);
        return true;
      case 'FeedbackContactRetentionSet':
        // Not listed here (the retention reads it from the log), but the partnership changed.
        return true;
      default:
        return false;
    }
  };
}

/**
 * Partnerships: partners (current and former) with kind, role and responsibilities, objectives
 * and their status, meetings and decisions, and how many commitments, contributions, agreements
 * and conflicts each has (from those aggregates' creation events).
 */
export const partnershipOverviewProjector: Projector = {
  name: 'partnership_overview',
  version: 4,
  tables: PARTNERSHIP_OVERVIEW_TABLES,
  schema: PARTNERSHIP_OVERVIEW_SCHEMA,
  bind(db) {
    const statements = prepare(db);
    const adjust = adjuster(statements);
    const partnership = partnershipHandler(statements);
    return (recorded) => {
      const at = recorded.metadata.recordedAt;
      const created = domainEventOf<Created>(recorded);
      const counted = Object.hasOwn(COUNTED_BY, created.type)
        ? COUNTED_BY[created.type]
        : undefined;
      if (counted) {
        adjust(created.data.partnershipId, { [counted]: 1 });
        return;
      }
      const event = domainEventOf<PartnershipEvent>(recorded);
      if (partnership(event, recorded) && event.type !== 'PartnershipFounded')
        statements.touch.run({
          partnershipId: event.data.partnershipId,
          at,
          revision: recorded.revision,
        });
    };
  },
};
