import type { components } from './schema';

type Schemas = components['schemas'];

/** Short names for the documents the pages read (all generated from the OpenAPI document). */
export type PartnershipSummary = Schemas['PartnershipSummaryDocument'];
export type PartnershipOverview = Schemas['PartnershipOverviewDocument'];
export type PartnershipAccountability = Schemas['PartnershipAccountabilityDocument'];
export type PartnershipRecognition = Schemas['PartnershipRecognitionDocument'];
export type PartnershipEquity = Schemas['PartnershipEquityDocument'];
export type PartnershipImpact = Schemas['PartnershipImpactDocument'];
export type Partner = PartnershipOverview['partners'][number];
export type PartnerKind = Partner['kind'];
export type PartnershipStatus = PartnershipOverview['status'];
export type AccountabilityLine = PartnershipAccountability['partners'][number];
export type CommitmentLine = AccountabilityLine['commitments'][number];
export type CommitmentStatus = CommitmentLine['status'];
export type ContributionKind = PartnershipRecognition['totals']['byKindAndUnit'][number]['kind'];

/** What the public feedback form of a partnership shows, and its form token. */
export type PublicForm = Schemas['PublicFeedbackFormDocument'];
export type Commitment = Schemas['CommitmentDetailDocument'];
export type CommitmentClaim = Schemas['CommitmentClaimDocument'];
