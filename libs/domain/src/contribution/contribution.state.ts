import type { ContributionKind } from './contribution.events';

export type ContributionStatus = 'none' | 'recorded' | 'acknowledged' | 'reversed';

/** Plain data, so that it can be served as JSON as it stood at any revision. */
export interface ContributionState {
  readonly status: ContributionStatus;
  readonly contributionId?: string;
  readonly partnershipId?: string;
  /** The contributing partner. */
  readonly contributorId?: string;
  readonly kind?: ContributionKind;
  readonly quantity?: number;
  readonly unit?: string;
  readonly date?: string;
  readonly description?: string;
  readonly commitmentId?: string;
  /** Partner ids, in the order they acknowledged. */
  readonly acknowledgedBy: readonly string[];
  readonly reversalReason?: string;
}

export const initialContributionState = (): ContributionState => ({
  status: 'none',
  acknowledgedBy: [],
});
