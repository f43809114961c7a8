import type { components } from '../api/schema';
import type { MessageKey } from './messages';

type Schemas = components['schemas'];

/**
 * The ledger's codes (statuses, kinds, event types) as catalogue keys. Each map is complete for
 * its union, so a new code in the API fails the type check until it has a label in both languages.
 */
export const PARTNERSHIP_STATUS: Record<
  Schemas['PartnershipOverviewDocument']['status'],
  MessageKey
> = {
  founded: 'partnershipStatus.founded',
  active: 'partnershipStatus.active',
  suspended: 'partnershipStatus.suspended',
  closed: 'partnershipStatus.closed',
};

export const PARTNER_KIND: Record<
  Schemas['PartnershipOverviewDocument']['partners'][number]['kind'],
  MessageKey
> = {
  local_authority: 'partnerKind.local_authority',
  association: 'partnerKind.association',
  ngo: 'partnerKind.ngo',
  company: 'partnerKind.company',
  resident_group: 'partnerKind.resident_group',
  public_service: 'partnerKind.public_service',
  other: 'partnerKind.other',
};

export const OBJECTIVE_STATUS: Record<
  Schemas['PartnershipOverviewDocument']['objectives'][number]['status'],
  MessageKey
> = {
  open: 'objectiveStatus.open',
  achieved: 'objectiveStatus.achieved',
  retired: 'objectiveStatus.retired',
};

export const COMMITMENT_STATUS: Record<
  Schemas['PartnershipAccountabilityDocument']['partners'][number]['commitments'][number]['status'],
  MessageKey
> = {
  made: 'commitmentStatus.made',
  accepted: 'commitmentStatus.accepted',
  in_progress: 'commitmentStatus.in_progress',
  fulfilled: 'commitmentStatus.fulfilled',
  closed_partial: 'commitmentStatus.closed_partial',
  released: 'commitmentStatus.released',
  withdrawn: 'commitmentStatus.withdrawn',
};

/** Where a delivery claim stands. */
export const CLAIM_STATUS: Record<Schemas['CommitmentClaimDocument']['status'], MessageKey> = {
  claimed: 'claimStatus.claimed',
  confirmed: 'claimStatus.confirmed',
  disputed: 'claimStatus.disputed',
};

export type ContributionKind =
  Schemas['RecognitionTotalsDocument']['byKindAndUnit'][number]['kind'];

export const CONTRIBUTION_KIND: Record<ContributionKind, MessageKey> = {
  money: 'contributionKind.money',
  in_kind: 'contributionKind.in_kind',
  volunteer_time: 'contributionKind.volunteer_time',
  expertise: 'contributionKind.expertise',
  venue: 'contributionKind.venue',
  other: 'contributionKind.other',
};

/** A commitment's kind: the contribution kinds, or `unspecified` for one made before kinds. */
export const COMMITMENT_KIND: Record<
  Schemas['PartnershipAccountabilityDocument']['partners'][number]['commitments'][number]['kind'],
  MessageKey
> = { ...CONTRIBUTION_KIND, unspecified: 'commitmentKind.unspecified' };

/** Why a report was valued under its policy. */
export const VALUATION_CHOICE: Record<
  NonNullable<Schemas['PartnershipRecognitionDocument']['valuation']>['chosenBy'],
  MessageKey
> = {
  named: 'valuationChoice.named',
  'partnership-default': 'valuationChoice.partnership-default',
  'ledger-default': 'valuationChoice.ledger-default',
};

export const AGREEMENT_STATUS: Record<Schemas['AgreementEntryDocument']['status'], MessageKey> = {
  awaiting_signatures: 'agreementStatus.awaiting_signatures',
  in_force: 'agreementStatus.in_force',
  declined: 'agreementStatus.declined',
  terminated: 'agreementStatus.terminated',
  expired: 'agreementStatus.expired',
};

export const CONFLICT_STATUS: Record<Schemas['ConflictCaseDocument']['status'], MessageKey> = {
  raised: 'conflictStatus.raised',
  acknowledged: 'conflictStatus.acknowledged',
  mediator_proposed: 'conflictStatus.mediator_proposed',
  in_mediation: 'conflictStatus.in_mediation',
  resolved: 'conflictStatus.resolved',
  escalated: 'conflictStatus.escalated',
  withdrawn: 'conflictStatus.withdrawn',
};

/** The events of a conflict case, as the replay names its steps. */
export const CONFLICT_EVENT: Record<string, MessageKey> = {
  ConflictRaised: 'conflictEvent.ConflictRaised',
  ConflictAcknowledged: 'conflictEvent.ConflictAcknowledged',
  MediatorProposed: 'conflictEvent.MediatorProposed',
  MediatorAccepted: 'conflictEvent.MediatorAccepted',
  MediatorObjected: 'conflictEvent.MediatorObjected',
  MediatorAssigned: 'conflictEvent.MediatorAssigned',
  StatementRecorded: 'conflictEvent.StatementRecorded',
  MediationSessionHeld: 'conflictEvent.MediationSessionHeld',
  ResolutionProposed: 'conflictEvent.ResolutionProposed',
  ResolutionAccepted: 'conflictEvent.ResolutionAccepted',
  ResolutionRejected: 'conflictEvent.ResolutionRejected',
  ConflictResolved: 'conflictEvent.ConflictResolved',
  ConflictEscalated: 'conflictEvent.ConflictEscalated',
  ConflictWithdrawn: 'conflictEvent.ConflictWithdrawn',
  FollowUpReviewScheduled: 'conflictEvent.FollowUpReviewScheduled',
};

export const INDICATOR_UNIT: Record<
  Schemas['PartnershipImpactDocument']['indicators']['items'][number]['unit']['kind'],
  MessageKey
> = {
  count: 'indicatorUnit.count',
  percent: 'indicatorUnit.percent',
  ratio: 'indicatorUnit.ratio',
  likert: 'indicatorUnit.likert',
};

type IndicatorDetail = Schemas['IndicatorDetailDocument'];

export const INDICATOR_DIRECTION: Record<IndicatorDetail['direction'], MessageKey> = {
  up: 'indicatorDirection.up',
  down: 'indicatorDirection.down',
};

export const INDICATOR_FREQUENCY: Record<IndicatorDetail['frequency'], MessageKey> = {
  monthly: 'indicatorFrequency.monthly',
  quarterly: 'indicatorFrequency.quarterly',
  semiannual: 'indicatorFrequency.semiannual',
  annual: 'indicatorFrequency.annual',
  ad_hoc: 'indicatorFrequency.ad_hoc',
};

/** Where an erasure request stands. */
export const ERASURE_STATUS: Record<Schemas['ErasureDocument']['status'], MessageKey> = {
  requested: 'erasureStatus.requested',
  carried_out: 'erasureStatus.carried_out',
  declined: 'erasureStatus.declined',
};
