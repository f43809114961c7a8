import { effectiveDateOf } from '../calendar';
import type { Decider } from '../decider';
import type { CommitmentCommand } from './commitment.commands';
import type { CommitmentEvent } from './commitment.events';
import {
  addQuantities,
  assertAnotherMember,
  assertCommitter,
  assertFactsAbout,
  assertMade,
  assertMember,
  assertOpen,
  assertOpenPartnership,
  assertPendingClaim,
  assertQuantityWithUnit,
  assertValidTerms,
  sameTerms,
  termsOf,
  violation,
  type Made,
} from './commitment.rules';
import { AggregateNotFound } from '../domain-errors';
import { objectiveRefusal } from '../partnership/partnership.state';
import {
  type ClaimOnCommitment,
  type ClaimRefusal,
  claimRefusalOf,
} from './fulfilment-claim.rules';
import {
  commitmentFacts,
  initialCommitmentState,
  isCommitmentEnded,
  type CommitmentState,
  type FulfilmentClaim,
} from './commitment.state';

type CommandOf<T extends CommitmentCommand['type']> = Extract<CommitmentCommand, { type: T }>;

export function decideCommitment(
  command: CommitmentCommand,
  state: CommitmentState,
): CommitmentEvent[] {
  if (command.type === 'MakeCommitment') return decideMake(command, state);
  const made = assertMade(state, command.data.commitmentId);
  if (isCommitmentEnded(state)) {
    throw violation(
      'commitment-ended',
      `Commitment ${made.commitmentId} is ${state.status} and accepts nothing new`,
    );
  }
  switch (command.type) {
    case 'AcceptCommitment':
      return decideAccept(command, state, made);
    case 'AmendCommitment':
      return decideAmend(command, state, made);
    case 'ClaimFulfilment':
      return decideClaim(command, state, made);
    case 'ConfirmFulfilment':
      return decideConfirm(command, state, made);
    case 'DisputeFulfilment': {
      const { claimId, disputedBy } = command.data;
      assertPendingClaim(state, claimId);
      assertOpenPartnership(command.partnership, made);
      assertAnotherMember(command.partnership, made, disputedBy);
      return [{ type: 'FulfilmentDisputed', data: command.data }];
    }
    case 'CloseCommitmentAsPartial':
      return decideCloseAsPartial(command, state, made);
    case 'ReleaseCommitment': {
      const { beneficiary } = made;
      if (beneficiary.kind !== 'partner' || beneficiary.partnerId !== command.data.releasedBy) {
        throw violation(
          'commitment-release-not-by-beneficiary',
          `Only the beneficiary partner may release commitment ${made.commitmentId}`,
        );
      }
      return [{ type: 'CommitmentReleased', data: command.data }];
    }
    case 'WithdrawCommitment':
      assertCommitter(made, command.data.withdrawnBy);
      return [{ type: 'CommitmentWithdrawn', data: command.data }];
  }
}

function decideMake(
  command: CommandOf<'MakeCommitment'>,
  state: CommitmentState,
): CommitmentEvent[] {
  const { data, partnership } = command;
  if (state.status !== 'none') {
    throw violation('commitment-already-made', `Commitment ${data.commitmentId} already exists`);
  }
  assertFactsAbout(partnership, data.partnershipId);
  assertOpen(partnership);
  assertMember(partnership, data.partnerId);
  const refusal = objectiveRefusal(partnership, data.objectiveId);
  if (refusal !== undefined) throw violation('commitment-objective-not-open', refusal);
  if (data.beneficiary.kind === 'partner') {
    // Otherwise the committer could release their own commitment.
    if (data.beneficiary.partnerId === data.partnerId) {
      throw violation(
        'commitment-beneficiary-is-committer',
        'A partner cannot make a commitment to itself',
      );
    }
    if (!partnership.memberIds.includes(data.beneficiary.partnerId)) {
      throw violation(
        'commitment-beneficiary-not-member',
        `Beneficiary ${data.beneficiary.partnerId} is not a member of ${data.partnershipId}`,
      );
    }
  }
  assertValidTerms(data, effectiveDateOf(command.metadata));
  return [{ type: 'CommitmentMade', data }];
}

function decideAccept(
  command: CommandOf<'AcceptCommitment'>,
  state: CommitmentState,
  made: Made,
): CommitmentEvent[] {
  if (state.status !== 'made') {
    throw violation(
      'commitment-already-accepted',
      `Commitment ${made.commitmentId} is already accepted`,
    );
  }
  assertOpenPartnership(command.partnership, made);
  assertAnotherMember(command.partnership, made, command.data.acceptedBy);
  return [{ type: 'CommitmentAccepted', data: command.data }];
}

function decideAmend(
  command: CommandOf<'AmendCommitment'>,
  state: CommitmentState,
  made: Made,
): CommitmentEvent[] {
  const { commitmentId, amendedBy, reason } = command.data;
  assertOpenPartnership(command.partnership, made);
  assertMember(command.partnership, amendedBy);
  assertValidTerms(command.data, effectiveDateOf(command.metadata));
  const terms = termsOf(command.data);
  if (sameTerms(terms, made.terms)) {
    throw violation('commitment-amendment-changes-nothing', 'The amendment changes no term');
  }
  // Confirmed deliveries were counted in the unit of the terms: keep that unit meaningful.
  if (state.status === 'in_progress' && terms.unit !== made.terms.unit) {
    throw violation(
      'commitment-unit-fixed-after-delivery',
      `Deliveries were confirmed in ${made.terms.unit ?? 'no unit'}; the unit cannot change`,
    );
  }
  if (terms.quantity !== undefined && state.confirmedQuantity >= terms.quantity) {
    throw violation(
      'commitment-amendment-below-delivered',
      `${state.confirmedQuantity} ${terms.unit} are already delivered: close as partial instead`,
    );
  }
  return [{ type: 'CommitmentAmended', data: { commitmentId, amendedBy, reason, ...terms } }];
}

function decideClaim(
  command: CommandOf<'ClaimFulfilment'>,
  state: CommitmentState,
  made: Made,
): CommitmentEvent[] {
  const { commitmentId, claimId, claimedBy, evidence, quantity, contributionId } = command.data;
  const refusal = claimRefusalOf(commitmentFacts(commitmentId, state), command.data);
  if (refusal !== undefined) throw claimRefused(refusal, made, command.data);
  assertOpenPartnership(command.partnership, made);
  if (Object.hasOwn(state.claims, claimId)) {
    throw violation('commitment-claim-already-made', `Claim ${claimId} already exists`);
  }
  const claims = Object.values(state.claims);
  if (contributionId !== undefined && claims.some((c) => c.contributionId === contributionId)) {
    throw violation(
      'commitment-contribution-already-claimed',
      `Contribution ${contributionId} is already claimed against ${commitmentId}`,
    );
  }
  // A claimed quantity is in the commitment's unit unless the claim says otherwise.
  const unit = command.data.unit ?? made.terms.unit;
  assertQuantityWithUnit(quantity, quantity === undefined ? command.data.unit : unit);
  const quantified = made.terms.quantity !== undefined;
  if (quantified && command.data.complete) {
    throw violation(
      'commitment-quantified-fulfilled-by-quantity',
      'A commitment with a quantity is fulfilled when the confirmed quantity reaches it',
    );
  }
  return [
    {
      type: 'FulfilmentClaimed',
      data: {
        commitmentId,
        claimId,
        claimedBy,
        evidence,
        ...(quantity !== undefined ? { quantity, unit } : {}),
        complete: command.data.complete ?? false,
        ...(contributionId !== undefined ? { contributionId } : {}),
        deliveredOn: command.data.deliveredOn ?? effectiveDateOf(command.metadata),
      },
    },
  ];
}

/** The claim rule's refusals, in the commitment's words. */
function claimRefused(refusal: ClaimRefusal, made: Made, claim: ClaimOnCommitment): Error {
  switch (refusal) {
    case 'unknown':
      return new AggregateNotFound('Commitment', made.commitmentId);
    case 'ended':
      return violation('commitment-ended', `Commitment ${made.commitmentId} accepts nothing new`);
    case 'not-accepted':
      return violation(
        'commitment-not-accepted',
        `Commitment ${made.commitmentId} is not accepted by the partnership yet`,
      );
    case 'not-by-committer':
      return violation(
        'commitment-committer-only',
        `Only the committing partner ${made.committerId} may do this, not ${claim.claimedBy}`,
      );
    case 'unit-mismatch':
      return violation(
        'commitment-claim-unit-mismatch',
        `The claim is in ${claim.unit}, the commitment in ${made.terms.unit}`,
      );
  }
}

function decideConfirm(
  command: CommandOf<'ConfirmFulfilment'>,
  state: CommitmentState,
  made: Made,
): CommitmentEvent[] {
  const { commitmentId, claimId, confirmedBy } = command.data;
  const claim = assertPendingClaim(state, claimId);
  assertOpenPartnership(command.partnership, made);
  assertAnotherMember(command.partnership, made, confirmedBy);
  const { quantity: promised, unit } = made.terms;
  // Terms amended after the claim may have changed the unit; never add hours to days.
  if (promised !== undefined && claim.quantity !== undefined && claim.unit !== unit) {
    throw violation(
      'commitment-claim-unit-mismatch',
      `Claim ${claimId} is in ${claim.unit}, the commitment now in ${unit}`,
    );
  }
  const confirmed: CommitmentEvent = {
    type: 'FulfilmentConfirmed',
    data: {
      commitmentId,
      claimId,
      confirmedBy,
      ...(claim.quantity !== undefined ? { quantity: claim.quantity, unit: claim.unit } : {}),
    },
  };
  if (promised !== undefined) {
    const delivered = addQuantities(state.confirmedQuantity, claim.quantity ?? 0);
    if (delivered < promised) return [confirmed];
    return [
      confirmed,
      {
        type: 'CommitmentFulfilled',
        data: { commitmentId, claimId, deliveredQuantity: delivered, unit },
      },
    ];
  }
  if (!claim.complete) return [confirmed];
  return [confirmed, { type: 'CommitmentFulfilled', data: { commitmentId, claimId } }];
}

function decideCloseAsPartial(
  command: CommandOf<'CloseCommitmentAsPartial'>,
  state: CommitmentState,
  made: Made,
): CommitmentEvent[] {
  if (state.status !== 'in_progress') {
    throw violation(
      'commitment-nothing-delivered',
      `Nothing of ${made.commitmentId} was confirmed as delivered: withdraw or release it instead`,
    );
  }
  // Winding up stays possible in a suspended or closed partnership, so no openness check.
  assertFactsAbout(command.partnership, made.partnershipId);
  assertAnotherMember(command.partnership, made, command.data.closedBy);
  const { quantity, unit } = made.terms;
  return [
    {
      type: 'CommitmentClosedAsPartial',
      data: {
        ...command.data,
        ...(quantity !== undefined ? { deliveredQuantity: state.confirmedQuantity, unit } : {}),
      },
    },
  ];
}

export function evolveCommitment(state: CommitmentState, event: CommitmentEvent): CommitmentState {
  switch (event.type) {
    case 'CommitmentMade': {
      const { commitmentId, partnershipId, partnerId, objectiveId, beneficiary, kind } = event.data;
      const terms = termsOf(event.data);
      return {
        ...state,
        status: 'made',
        commitmentId,
        partnershipId,
        committerId: partnerId,
        ...(objectiveId !== undefined ? { objectiveId } : {}),
        beneficiary,
        ...(kind !== undefined ? { kind } : {}),
        terms,
        termsHistory: [{ version: 1, ...terms }],
      };
    }
    case 'CommitmentAccepted':
      return { ...state, status: 'accepted', acceptedBy: event.data.acceptedBy };
    case 'CommitmentAmended': {
      const { amendedBy, reason } = event.data;
      const terms = termsOf(event.data);
      const version = state.termsHistory.length + 1;
      return {
        ...state,
        terms,
        termsHistory: [...state.termsHistory, { version, ...terms, amendedBy, reason }],
      };
    }
    case 'FulfilmentClaimed': {
      const { claimId, claimedBy, evidence, quantity, unit, complete, contributionId } = event.data;
      const claim: FulfilmentClaim = {
        claimedBy,
        evidence,
        ...(quantity !== undefined ? { quantity, unit } : {}),
        complete,
        ...(contributionId !== undefined ? { contributionId } : {}),
        status: 'claimed',
      };
      return { ...state, claims: { ...state.claims, [claimId]: claim } };
    }
    case 'FulfilmentConfirmed': {
      const { claimId, confirmedBy, quantity } = event.data;
      return {
        ...settleClaim(state, claimId, 'confirmed', confirmedBy),
        status: 'in_progress',
        confirmedQuantity: addQuantities(state.confirmedQuantity, quantity ?? 0),
      };
    }
    case 'FulfilmentDisputed':
      return settleClaim(state, event.data.claimId, 'disputed', event.data.disputedBy);
    case 'CommitmentFulfilled':
      return { ...state, status: 'fulfilled' };
    case 'CommitmentClosedAsPartial':
      return { ...state, status: 'closed_partial', endReason: event.data.reason };
    case 'CommitmentReleased':
      return { ...state, status: 'released', endReason: event.data.reason };
    case 'CommitmentWithdrawn':
      return { ...state, status: 'withdrawn', endReason: event.data.reason };
  }
}

function settleClaim(
  state: CommitmentState,
  claimId: string,
  status: FulfilmentClaim['status'],
  settledBy: string,
): CommitmentState {
  return {
    ...state,
    claims: { ...state.claims, [claimId]: { ...state.claims[claimId], status, settledBy } },
  };
}

export const commitmentDecider: Decider<CommitmentCommand, CommitmentEvent, CommitmentState> = {
  initialState: initialCommitmentState,
  evolve: evolveCommitment,
  decide: decideCommitment,
};
