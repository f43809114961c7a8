import {
  type CommitmentBeneficiary,
  type ContributionKind,
  commitmentDecider,
  commitmentFacts,
  contributionDecider,
  fulfilmentClaimFor,
} from '@cohesion/domain';
import { type Episode, type EpisodeContext, partnerActor, storyOfNew } from '../episode-context';

/** What partners give, in which unit, and in what amounts. */
interface Gift {
  readonly kind: ContributionKind;
  readonly unit: string;
  readonly total: readonly [number, number];
  readonly share: readonly [number, number];
}

const GIFTS: readonly Gift[] = [
  { kind: 'volunteer_time', unit: 'hours', total: [20, 120], share: [2, 12] },
  { kind: 'expertise', unit: 'hours', total: [10, 60], share: [2, 8] },
  { kind: 'money', unit: 'EUR', total: [1_000, 30_000], share: [250, 5_000] },
  { kind: 'in_kind', unit: 'items', total: [20, 400], share: [5, 60] },
  { kind: 'venue', unit: 'days', total: [5, 40], share: [1, 5] },
];

/**
 * A commitment's life: made, accepted, perhaps amended, delivered by contributions that each
 * claim part of it, confirmed (or disputed) by another member, until fulfilled, closed as
 * partial, released or withdrawn.
 */
export const commitmentLife = (context: EpisodeContext, partnershipId: string): Episode =>
  storyOfNew(context, 'commitment', (id) => commitmentStory(context, partnershipId, id));

function* commitmentStory(
  context: EpisodeContext,
  partnershipId: string,
  commitmentId: string,
): Episode {
  const { ledger, random } = context;
  const committer = random.pick(context.members(partnershipId));
  const other = context.anotherMember(partnershipId, committer);
  const gift = random.pick(GIFTS);
  const stream = `commitment-${commitmentId}`;
  const beneficiary: CommitmentBeneficiary = random.chance(0.7)
    ? { kind: 'partner', partnerId: other }
    : { kind: 'group', name: 'Pupils at risk of dropping out' };
  const quantified = random.chance(0.85);
  let total = random.int(...gift.total);
  const objectives = context.facts(partnershipId).openObjectiveIds;
  const command = (as: string) => ({
    partnership: context.facts(partnershipId),
    metadata: ledger.metadata(partnerActor(as)),
  });
  ledger.execute(stream, commitmentDecider, {
    type: 'MakeCommitment',
    data: {
      commitmentId,
      partnershipId,
      partnerId: committer,
      what: `${total} ${gift.unit} of ${gift.kind.replace('_', ' ')}`,
      dueDate: ledger.day(random.int(60, 400)),
      ...(quantified ? { quantity: total, unit: gift.unit } : {}),
      beneficiary,
      kind: gift.kind,
      ...(objectives.length > 0 && random.chance(0.6)
        ? { objectiveId: random.pick(objectives) }
        : {}),
    },
    ...command(committer),
  });
  yield;
  if (random.chance(0.05)) {
    const reason = 'Our funding for this was cut';
    ledger.execute(stream, commitmentDecider, {
      type: 'WithdrawCommitment',
      data: { commitmentId, withdrawnBy: committer, reason },
      metadata: ledger.metadata(partnerActor(committer)),
    });
    yield;
    return;
  }
  ledger.execute(stream, commitmentDecider, {
    type: 'AcceptCommitment',
    data: { commitmentId, acceptedBy: other },
    ...command(other),
  });
  yield;
  if (beneficiary.kind === 'partner' && random.chance(0.04)) {
    ledger.execute(stream, commitmentDecider, {
      type: 'ReleaseCommitment',
      data: { commitmentId, releasedBy: other, reason: 'No longer needed this year' },
      metadata: ledger.metadata(partnerActor(other)),
    });
    yield;
    return;
  }
  if (quantified && random.chance(0.1)) {
    total = Math.ceil(total * 1.25);
    ledger.execute(stream, commitmentDecider, {
      type: 'AmendCommitment',
      data: {
        commitmentId,
        amendedBy: committer,
        reason: 'The programme was extended',
        what: `${total} ${gift.unit} of ${gift.kind.replace('_', ' ')}`,
        dueDate: ledger.day(random.int(90, 400)),
        quantity: total,
        unit: gift.unit,
      },
      ...command(committer),
    });
    yield;
  }
  const closeAsPartialAt = random.chance(0.1) ? total / 2 : Number.POSITIVE_INFINITY;
  const deliveries = quantified ? Number.POSITIVE_INFINITY : random.int(1, 3);
  let delivered = 0;
  for (let delivery = 0; delivered < total && delivery < deliveries; delivery++) {
    const quantity = Math.min(random.int(...gift.share), total - delivered);
    const contributionId = yield* contribute(context, partnershipId, committer, gift, {
      quantity,
      commitmentId,
    });
    const claimId = `contribution-${contributionId}`;
    if (random.chance(0.05)) {
      ledger.execute(stream, commitmentDecider, {
        type: 'DisputeFulfilment',
        data: { commitmentId, claimId, disputedBy: other, reason: 'Not seen on the ground' },
        ...command(other),
      });
      yield;
      continue;
    }
    ledger.execute(stream, commitmentDecider, {
      type: 'ConfirmFulfilment',
      data: { commitmentId, claimId, confirmedBy: other },
      ...command(other),
    });
    yield;
    delivered += quantity;
    if (delivered >= closeAsPartialAt && delivered < total) {
      ledger.execute(stream, commitmentDecider, {
        type: 'CloseCommitmentAsPartial',
        data: { commitmentId, closedBy: other, reason: 'The school year ended' },
        ...command(other),
      });
      yield;
      return;
    }
  }
  if (!quantified) yield* completeUnquantified(context, partnershipId, commitmentId, committer);
}

/** A commitment without quantity is fulfilled by a claim that says so, once confirmed. */
function* completeUnquantified(
  context: EpisodeContext,
  partnershipId: string,
  commitmentId: string,
  committer: string,
): Episode {
  const { ledger } = context;
  const stream = `commitment-${commitmentId}`;
  const claimId = context.nextId('claim');
  const other = context.anotherMember(partnershipId, committer);
  ledger.execute(stream, commitmentDecider, {
    type: 'ClaimFulfilment',
    data: { commitmentId, claimId, claimedBy: committer, evidence: 'Final report', complete: true },
    partnership: context.facts(partnershipId),
    metadata: ledger.metadata(partnerActor(committer)),
  });
  yield;
  ledger.execute(stream, commitmentDecider, {
    type: 'ConfirmFulfilment',
    data: { commitmentId, claimId, confirmedBy: other },
    partnership: context.facts(partnershipId),
    metadata: ledger.metadata(partnerActor(other)),
  });
  yield;
}

/** A contribution given freely, acknowledged by other members, rarely reversed. */
export function* freeContribution(context: EpisodeContext, partnershipId: string): Episode {
  const { random } = context;
  const gift = random.pick(GIFTS);
  const contributor = random.pick(context.members(partnershipId));
  yield* contribute(context, partnershipId, contributor, gift, {
    quantity: random.int(...gift.share),
  });
}

/**
 * Records a contribution (and, when it names a commitment, the fulfilment claim the API sends
 * with it, as a command caused by the contribution's), then its acknowledgements or reversal.
 */
function* contribute(
  context: EpisodeContext,
  partnershipId: string,
  contributor: string,
  gift: Gift,
  { quantity, commitmentId }: { quantity: number; commitmentId?: string },
): Generator<void, string, void> {
  const { ledger, random } = context;
  const contributionId = context.nextId('contribution');
  const stream = `contribution-${contributionId}`;
  const data = {
    contributionId,
    partnershipId,
    partnerId: contributor,
    kind: gift.kind,
    quantity,
    unit: gift.unit,
    date: ledger.day(-random.int(0, 6)),
    description: `${quantity} ${gift.unit} of ${gift.kind.replace('_', ' ')} for the programme`,
    ...(commitmentId !== undefined ? { commitmentId } : {}),
  };
  const commitmentStream = `commitment-${commitmentId}`;
  const commandId = ledger.execute(stream, contributionDecider, {
    type: 'RecordContribution',
    data,
    partnership: context.facts(partnershipId),
    ...(commitmentId !== undefined
      ? {
          commitment: commitmentFacts(
            commitmentId,
            ledger.state(commitmentStream, commitmentDecider),
          ),
        }
      : {}),
    metadata: ledger.metadata(partnerActor(contributor)),
  });
  const claim = fulfilmentClaimFor({ type: 'ContributionRecorded', data });
  if (claim !== undefined) {
    ledger.execute(
      commitmentStream,
      commitmentDecider,
      {
        type: 'ClaimFulfilment',
        data: claim,
        partnership: context.facts(partnershipId),
        metadata: ledger.metadata(partnerActor(contributor)),
      },
      { commandId: `${commandId}:fulfilment-claim`, causationId: commandId },
    );
  }
  yield;
  if (commitmentId === undefined && random.chance(0.03)) {
    ledger.execute(stream, contributionDecider, {
      type: 'ReverseContribution',
      data: { contributionId, reason: 'Recorded twice by mistake' },
      metadata: ledger.metadata(partnerActor(contributor)),
    });
    yield;
    ledger.retire(stream);
    return contributionId;
  }
  const others = context.members(partnershipId).filter((member) => member !== contributor);
  for (const acknowledgedBy of random.sample(others, random.int(0, 2))) {
    ledger.execute(stream, contributionDecider, {
      type: 'AcknowledgeContribution',
      data: { contributionId, acknowledgedBy, note: 'Thank you!' },
      partnership: context.facts(partnershipId),
      metadata: ledger.metadata(partnerActor(acknowledgedBy)),
    });
    yield;
  }
  ledger.retire(stream);
  return contributionId;
}
