import type { CommitmentFacts } from '../commitment';
import type { Command } from '../decider';
import type { PartnershipFacts } from '../partnership';
import type { ContributionEvent } from './contribution.events';

type Recorded = Extract<ContributionEvent, { type: 'ContributionRecorded' }>['data'];

export type ContributionCommand =
  | (Command<'RecordContribution', Recorded> & {
      /** Folded by the handler from `partnership-<partnershipId>`. */
      readonly partnership: PartnershipFacts;
      /** Folded by the handler from `commitment-<commitmentId>` when the data names one. */
      readonly commitment?: CommitmentFacts;
    })
  | (Command<
      'AcknowledgeContribution',
      { contributionId: string; acknowledgedBy: string; note?: string }
    > & {
      /** Folded by the handler from the partnership the contribution was recorded in. */
      readonly partnership: PartnershipFacts;
    })
  | Command<'ReverseContribution', { contributionId: string; reason: string }>;
