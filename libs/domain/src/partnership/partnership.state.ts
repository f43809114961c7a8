import type { PartnerKind } from './partnership.events';

export type PartnershipStatus = 'none' | 'founded' | 'active' | 'suspended' | 'closed';
export type ObjectiveStatus = 'open' | 'achieved' | 'retired';

export interface Member {
  readonly name: string;
  readonly kind: PartnerKind;
  readonly role: string;
  readonly responsibilities: readonly string[];
}

export interface Objective {
  readonly title: string;
  readonly description: string;
  readonly targetDate?: string;
  readonly status: ObjectiveStatus;
}

/** Plain data (no Map) so that the state can be served as JSON as it stood at any revision. */
export interface PartnershipState {
  readonly status: PartnershipStatus;
  readonly partnershipId?: string;
  readonly name?: string;
  readonly purpose?: string;
  readonly territory?: string;
  readonly neighbourhoods: readonly string[];
  /** Current members by partner id; a partner who left is no longer here. */
  readonly members: Readonly<Record<string, Member>>;
  readonly objectives: Readonly<Record<string, Objective>>;
  readonly meetingIds: readonly string[];
  /** The valuation policy its reports use unless they name one. */
  readonly defaultValuationPolicyId?: string;
  /** Months after which feedback contact details are shredded; absent: kept. */
  readonly feedbackContactRetentionMonths?: number;
}

export const initialPartnershipState = (): PartnershipState => ({
  status: 'none',
  neighbourhoods: [],
  members: {},
  objectives: {},
  meetingIds: [],
});

export function isMember(state: PartnershipState, partnerId: string): boolean {
  return Object.hasOwn(state.members, partnerId);
}

/** Open to new facts: founded or active (not suspended, not closed). */
export function isOpenForActivity(state: Pick<PartnershipState, 'status'>): boolean {
  return state.status === 'founded' || state.status === 'active';
}

/**
 * What other aggregates need to know about a partnership to decide (is this partner a member?
 * is the partnership open?). The handler folds the partnership stream and passes these facts in
 * the command, so that other deciders stay pure.
 */
export interface PartnershipFacts {
  readonly partnershipId: string;
  /** The day the partnership was founded (its first act took effect), when known. */
  readonly foundedOn?: string;
  readonly status: PartnershipStatus;
  readonly memberIds: readonly string[];
  readonly openObjectiveIds: readonly string[];
}

/**
 * Why a commitment or an indicator may not serve this objective: it is not an open objective of
 * the partnership. Undefined when it may, or when it names none. Each decider refuses with its own
 * rule, so that the error names the command refused.
 */
export function objectiveRefusal(
  partnership: PartnershipFacts,
  objectiveId: string | undefined,
): string | undefined {
  if (objectiveId === undefined || partnership.openObjectiveIds.includes(objectiveId)) {
    return undefined;
  }
  return `Objective ${objectiveId} is not an open objective of ${partnership.partnershipId}`;
}

export function partnershipFacts(partnershipId: string, state: PartnershipState): PartnershipFacts {
  return {
    partnershipId,
    status: state.status,
    memberIds: Object.keys(state.members),
    openObjectiveIds: Object.entries(state.objectives)
      .filter(([, objective]) => objective.status === 'open')
      .map(([objectiveId]) => objectiveId),
  };
}
