import type { BackfillMark } from '../projection-kit';
import type { ObjectiveStatus, PartnerKind, PartnershipStatus } from '@cohesion/domain';

export interface PartnershipCountsView {
  /** Current members. */
  readonly members: number;
  /** Partners who left (and did not join again). */
  readonly formerMembers: number;
  readonly objectives: Readonly<Record<ObjectiveStatus, number>>;
  readonly meetings: number;
  /** Decisions taken across all its meetings. */
  readonly decisions: number;
  readonly commitments: number;
  readonly contributions: number;
  readonly agreements: number;
  readonly conflicts: number;
}

export interface PartnershipSummaryView extends BackfillMark {
  readonly partnershipId: string;
  readonly name: string;
  readonly purpose: string;
  readonly territory: string;
  readonly neighbourhoods: readonly string[];
  readonly status: Exclude<PartnershipStatus, 'none'>;
  /** Why it was suspended or closed; `null` otherwise. */
  readonly statusReason: string | null;
  /** The valuation policy its contribution reports use when they name none; null: not set. */
  readonly defaultValuationPolicyId: string | null;
  readonly foundedAt: string;
  /** The day it was founded (effective date; may be long before it was recorded). */
  readonly foundedOn: string;
  /** When its own stream last changed. */
  readonly updatedAt: string;
  /** The partnership stream's revision the row reflects. */
  readonly revision: string;
  readonly lastMeetingOn: string | null;
  readonly counts: PartnershipCountsView;
}

export interface PartnerView extends BackfillMark {
  readonly partnerId: string;
  readonly name: string;
  readonly kind: PartnerKind;
  readonly role: string;
  readonly responsibilities: readonly string[];
  readonly status: 'member' | 'left';
  readonly joinedAt: string;
  /** The day it joined (effective date). */
  readonly joinedOn: string;
  readonly roleChangedAt: string | null;
  readonly leftAt: string | null;
  readonly leftReason: string | null;
}

export interface ObjectiveView extends BackfillMark {
  readonly objectiveId: string;
  readonly title: string;
  readonly description: string;
  readonly targetDate: string | null;
  readonly status: ObjectiveStatus;
  readonly setAt: string;
  /** The day it was set (effective date). */
  readonly setOn: string;
  /** How often it was revised (the earlier wording stays in the log), when and why last. */
  readonly revisions: number;
  readonly revisedAt: string | null;
  readonly revisionReason: string | null;
  /** When it was achieved or retired. */
  readonly closedAt: string | null;
  readonly evidence: string | null;
  readonly retirementReason: string | null;
}

export interface PartnershipOverviewView extends PartnershipSummaryView {
  /** Current members, in the order they joined. */
  readonly partners: readonly PartnerView[];
  /** Partners who left, in the order they had joined. */
  readonly formerPartners: readonly PartnerView[];
  /** In the order they were set. */
  readonly objectives: readonly ObjectiveView[];
}

export interface MeetingView extends BackfillMark {
  readonly partnershipId: string;
  readonly meetingId: string;
  readonly heldOn: string;
  readonly attendees: readonly string[];
  readonly decisions: readonly string[];
  readonly notes: string | null;
  readonly recordedAt: string;
}
