export { accountabilityProjector } from './accountability.projector';
export {
  COMMITMENT_KINDS,
  COMMITMENT_STATUS_FILTERS,
  COMMITMENT_STATUSES,
  type CommitmentFilter,
  type CommitmentPageRequest,
  type CommitmentStatusFilter,
  commitmentDetail,
  listCommitments,
} from './accountability.queries';
export {
  type PartnerAccountabilityView,
  type PartnerCommitmentsView,
  type AccountabilityPartnerPage,
  type PartnershipAccountabilityLine,
  type PartnershipAccountabilityView,
  partnerAccountability,
  partnershipAccountability,
} from './accountability-reports.queries';
export type {
  AccountabilityCounts,
  AccountabilitySummary,
  CommitmentClaimView,
  CommitmentDetailView,
  CommitmentKindView,
  CommitmentStatusView,
  CommitmentView,
  StatusChangeView,
  TermsVersionView,
} from './accountability.views';
