import type {
  CommitmentBeneficiary,
  CommitmentKind,
  ContributionKind,
  PartnerKind,
} from '@cohesion/domain';
import type { DemoRecorder } from './demo-recorder';
import { ADMIN, as, type DemoPartner } from './demo-cast';
import { POLICY_ID } from './valuation-policy.steps';

/** The acts the demo's partnerships repeat, each as the commands a real partner would send. */

/** Its contribution reports value with the demo's policy unless they name another. */
export const adoptDemoValuationPolicy = (demo: DemoRecorder, partnershipId: string) =>
  demo.partnership(
    `${partnershipId}-default-valuation-policy`,
    ADMIN,
    'SetDefaultValuationPolicy',
    { partnershipId, policyId: POLICY_ID },
  );

export const join = (
  demo: DemoRecorder,
  partnershipId: string,
  partner: DemoPartner,
  kind: PartnerKind,
  role: string,
  responsibilities: string[],
) =>
  demo.partnership(`${partnershipId}-join-${partner.partnerId}`, ADMIN, 'JoinPartner', {
    partnershipId,
    partnerId: partner.partnerId,
    name: partner.name,
    kind,
    role,
    responsibilities,
  });

export interface DemoCommitment {
  readonly id: string;
  readonly what: string;
  readonly dueDate: string;
  readonly quantity?: number;
  readonly unit?: string;
  readonly objectiveId?: string;
  readonly beneficiary: CommitmentBeneficiary;
  readonly kind: CommitmentKind;
  /** The member who accepts it on behalf of the partnership. */
  readonly acceptedBy: DemoPartner;
}

/** A partner's commitment, accepted by another member. */
export async function commit(
  demo: DemoRecorder,
  partnershipId: string,
  partner: DemoPartner,
  { id, acceptedBy, ...terms }: DemoCommitment,
): Promise<void> {
  await demo.commitment(`commit-${id}`, as(partner), 'MakeCommitment', {
    commitmentId: id,
    partnershipId,
    partnerId: partner.partnerId,
    ...terms,
  });
  await demo.commitment(`accept-${id}`, as(acceptedBy), 'AcceptCommitment', {
    commitmentId: id,
    acceptedBy: acceptedBy.partnerId,
  });
}

/** A delivery the committer claims without a contribution (referrals, workshops…), confirmed. */
export async function claimAndConfirm(
  demo: DemoRecorder,
  claim: {
    commitmentId: string;
    claimId: string;
    claimedBy: DemoPartner;
    evidence: string;
    quantity?: number;
    unit?: string;
    complete?: boolean;
    confirmedBy: DemoPartner;
  },
): Promise<void> {
  const { commitmentId, claimId, claimedBy, confirmedBy, ...delivered } = claim;
  await demo.commitment(`claim-${commitmentId}`, as(claimedBy), 'ClaimFulfilment', {
    commitmentId,
    claimId,
    claimedBy: claimedBy.partnerId,
    ...delivered,
  });
  await demo.commitment(`confirm-${commitmentId}`, as(confirmedBy), 'ConfirmFulfilment', {
    commitmentId,
    claimId,
    confirmedBy: confirmedBy.partnerId,
  });
}

/** A contribution a partner records, and, when it fulfils a commitment, the confirmation. */
export async function contribute(
  demo: DemoRecorder,
  partnershipId: string,
  partner: DemoPartner,
  contribution: {
    id: string;
    kind: ContributionKind;
    quantity: number;
    unit: string;
    date: string;
    description: string;
    commitmentId?: string;
    confirmedBy?: DemoPartner;
  },
): Promise<void> {
  const { id, confirmedBy, ...data } = contribution;
  await demo.contribution(`contribution-${id}`, as(partner), 'RecordContribution', {
    contributionId: id,
    partnershipId,
    partnerId: partner.partnerId,
    ...data,
  });
  if (data.commitmentId && confirmedBy) {
    await demo.commitment(`confirm-${id}`, as(confirmedBy), 'ConfirmFulfilment', {
      commitmentId: data.commitmentId,
      claimId: `contribution-${id}`,
      confirmedBy: confirmedBy.partnerId,
    });
  }
}
