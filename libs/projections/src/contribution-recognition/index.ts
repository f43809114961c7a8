export { contributionRecognitionProjector } from './contribution-recognition.projector';
export {
  CONTRIBUTION_ORDERS,
  CONTRIBUTION_STATUSES,
  type ContributionFilter,
  type ContributionOrder,
  type ContributionPageRequest,
  listContributions,
  type HandOff,
  handOffsAfter,
} from './contribution-recognition.queries';
export {
  partnerRecognition,
  partnershipRecognition,
  type RecognitionFilter,
} from './contribution-recognition-reports.queries';
export { type EquityFilter, partnershipEquity } from './contribution-recognition-equity.queries';
export type * from './contribution-recognition.views';
export { listValuationPolicies, loadValuationPolicy, type Valuer, valuerFor } from './valuation';
export { GINI_POPULATIONS } from './contribution-recognition.views';
