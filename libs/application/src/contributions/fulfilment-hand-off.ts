import { Injectable } from '@nestjs/common';
import {
  type CommitmentCommand,
  commitmentDecider,
  type CommitmentState,
  type ContributionEvent,
  fulfilmentClaimFor,
  type PartnershipFacts,
} from '@cohesion/domain';
import { AggregateStore, type LoadedForCommand } from '../command-side/aggregate-store';
import type { CommandContext, CommandResult } from '../command-side/command-context';
import { commandFrom } from '../command-side/command-messages';
import { streamOf } from '../command-side/streams';

/** The claim a contribution made on the commitment it names. */
export interface FulfilmentClaimResult extends CommandResult {
  readonly claimId: string;
}

/**
 * The fulfilment hand-off: a contribution recorded against a commitment is its committer's claim
 * that it delivered, so recording it claims fulfilment on the commitment, where another member
 * confirms or disputes it. The commitment is read once, before the contribution is decided: the
 * contribution checks the commitment's claim rule on it (`claimRefusalOf`), and the claim is then
 * decided on the same reading (read again only if the commitment moved on meanwhile).
 *
 * The claim is a command caused by the contribution's, its id derived from it: a retried request
 * (same Idempotency-Key) claims once, and completes a hand-off an earlier attempt left undone.
 */
@Injectable()
export class FulfilmentHandOff {
  constructor(private readonly aggregates: AggregateStore) {}

  /** The commitment as the claim will be decided on. */
  commitmentToClaim(
    commitmentId: string,
    context: CommandContext,
  ): Promise<LoadedForCommand<CommitmentState>> {
    return this.aggregates.loadForCommand(
      streamOf('commitment', commitmentId),
      commitmentDecider,
      claimContextOf(context).commandId,
    );
  }

  async claim(
    recorded: Extract<ContributionEvent, { type: 'ContributionRecorded' }>['data'],
    partnership: PartnershipFacts,
    commitment: LoadedForCommand<CommitmentState>,
    context: CommandContext,
  ): Promise<FulfilmentClaimResult | undefined> {
    const claim = fulfilmentClaimFor({ type: 'ContributionRecorded', data: recorded });
    if (claim === undefined) return undefined;
    const claimContext = claimContextOf(context);
    const command = {
      ...commandFrom<CommitmentCommand>('ClaimFulfilment', claim, claimContext),
      partnership,
    };
    const result = await this.aggregates.execute(
      streamOf('commitment', claim.commitmentId),
      commitmentDecider,
      command,
      claimContext,
      commitment,
    );
    return { ...result, claimId: claim.claimId };
  }
}

function claimContextOf(context: CommandContext): CommandContext {
  return {
    ...context,
    commandId: `${context.commandId}:fulfilment-claim`,
    causationId: context.commandId,
  };
}
