export const PARTNER_KINDS = [
  'local_authority',
  'association',
  'ngo',
  'company',
  'resident_group',
  'public_service',
  'other',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export type PartnershipEvent =
  | {
      type: 'PartnershipFounded';
      data: {
        partnershipId: string;
        name: string;
        purpose: string;
        territory: string;
        neighbourhoods: string[];
      };
    }
  | {
      type: 'PartnerJoined';
      data: {
        partnershipId: string;
        partnerId: string;
        name: string;
        kind: PartnerKind;
        role: string;
        responsibilities: string[];
      };
    }
  | { type: 'PartnerLeft'; data: { partnershipId: string; partnerId: string; reason: string } }
  | {
      type: 'PartnerRoleChanged';
      data: { partnershipId: string; partnerId: string; role: string; responsibilities: string[] };
    }
  | {
      type: 'ObjectiveSet';
      data: {
        partnershipId: string;
        objectiveId: string;
        title: string;
        description: string;
        targetDate?: string;
      };
    }
  | {
      type: 'ObjectiveRevised';
      data: {
        partnershipId: string;
        objectiveId: string;
        title: string;
        description: string;
        targetDate?: string;
        reason: string;
      };
    }
  | {
      type: 'ObjectiveAchieved';
      data: { partnershipId: string; objectiveId: string; evidence: string };
    }
  | {
      type: 'ObjectiveRetired';
      data: { partnershipId: string; objectiveId: string; reason: string };
    }
  | {
      type: 'MeetingHeld';
      data: {
        partnershipId: string;
        meetingId: string;
        heldOn: string;
        attendees: string[];
        decisions: string[];
        notes?: string;
      };
    }
  | { type: 'PartnershipSuspended'; data: { partnershipId: string; reason: string } }
  | { type: 'PartnershipReactivated'; data: { partnershipId: string } }
  | { type: 'PartnershipClosed'; data: { partnershipId: string; reason: string } }
  | {
      /** Its reports value contributions with this policy unless they name another. */
      type: 'DefaultValuationPolicySet';
      data: { partnershipId: string; policyId: string };
    }
  | {
      /**
       * Contact details residents leave with feedback are shredded this many months after the
       * feedback was recorded; `null`: kept until someone asks for their erasure.
       */
      type: 'FeedbackContactRetentionSet';
      data: { partnershipId: string; months: number | null };
    };
