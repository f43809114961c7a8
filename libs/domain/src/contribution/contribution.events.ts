export const CONTRIBUTION_KINDS = [
  'money',
  'in_kind',
  'volunteer_time',
  'expertise',
  'venue',
  'other',
] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export type ContributionEvent =
  | {
      /** The raw quantity and unit are the fact; its money value comes from a valuation policy. */
      type: 'ContributionRecorded';
      data: {
        contributionId: string;
        partnershipId: string;
        /** The contributing partner. */
        partnerId: string;
        kind: ContributionKind;
        quantity: number;
        unit: string;
        /** YYYY-MM-DD, the day it was given. */
        date: string;
        description: string;
        /** The commitment this contribution fulfils, if any. */
        commitmentId?: string;
      };
    }
  | {
      type: 'ContributionAcknowledged';
      data: { contributionId: string; acknowledgedBy: string; note?: string };
    }
  | {
      /** A mistake is never edited: it is reversed, as in accounting, then recorded anew. */
      type: 'ContributionReversed';
      data: { contributionId: string; reason: string };
    };
