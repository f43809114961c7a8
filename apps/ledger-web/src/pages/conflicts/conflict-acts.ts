import type { components } from '../../api/schema';
import type { Session } from '../../auth/session';

type Conflict = components['schemas']['ConflictCaseDocument'];

/** Each act on a conflict the signed-in person may perform now, as the ledger's rules allow it. */
export interface ConflictActs {
  readonly acknowledge: boolean;
  readonly proposeMediator: boolean;
  /** Accept or object to the mediator awaiting the parties' answers. */
  readonly answerMediator: boolean;
  readonly recordStatement: boolean;
  readonly recordSession: boolean;
  readonly proposeResolution: boolean;
  /** Accept or reject the resolution on the table. */
  readonly answerResolution: boolean;
  readonly escalate: boolean;
  readonly withdraw: boolean;
  readonly scheduleFollowUp: boolean;
}

/**
 * Parties act for themselves (the raiser, or a member it is raised against); the accepted
 * mediator records sessions and proposes resolutions as themself; an administrator proposes a
 * mediator, escalates and schedules a follow-up (acts that name no party). The ledger decides.
 */
export function conflictActsOf(
  conflict: Conflict,
  session: Pick<Session, 'personId' | 'partnerId' | 'roles'>,
): ConflictActs {
  const own = session.partnerId;
  const admin = session.roles.includes('admin');
  const raiser = own !== null && conflict.raisedBy === own;
  const party = own !== null && (raiser || conflict.parties.includes(own));
  const mediating = conflict.status === 'in_mediation';
  const mediator = mediating && conflict.mediatorId === session.personId;
  const answered = (acceptedBy: readonly string[] | undefined) =>
    own !== null && acceptedBy !== undefined && acceptedBy.includes(own);
  return {
    acknowledge: conflict.status === 'raised' && own !== null && conflict.parties.includes(own),
    proposeMediator: conflict.status === 'acknowledged' && (party || admin),
    answerMediator:
      conflict.pendingMediator !== null && party && !answered(conflict.pendingMediator.acceptedBy),
    recordStatement: mediating && party,
    recordSession: mediator,
    proposeResolution: mediating && (party || mediator),
    answerResolution:
      mediating &&
      conflict.pendingResolution !== null &&
      party &&
      !answered(conflict.pendingResolution.acceptedBy),
    escalate: conflict.open && (party || admin),
    withdraw: conflict.open && raiser,
    scheduleFollowUp: conflict.status === 'resolved' && (party || admin),
  };
}
