import { ForbiddenException } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  AggregateNotFound,
  type ClaimFulfilmentData,
  type CommitmentFacts,
  type ContributionCommand,
  type ContributionState,
  commitmentDecider,
  commitmentFacts,
  contributionDecider,
  fulfilmentClaimFor,
  type PartnershipFacts,
} from '@cohesion/domain';
import { AggregateStore } from '../command-side/aggregate-store';
import type { CommandContext, CommandResult } from '../command-side/command-context';
import { CommandMessage, commandFrom, type WithoutFacts } from '../command-side/command-messages';
import { streamOf } from '../command-side/aggregates';
import { CommandAccess } from '../command-side/command-access';
import {
  CommitmentCommandMessage,
  type CommitmentRequest,
} from '../commitments/commitment-command.handler';

export type ContributionRequest = WithoutFacts<ContributionCommand, 'partnership' | 'commitment'>;

export class ContributionCommandMessage extends CommandMessage<ContributionRequest> {}

/** A contribution that names a commitment answers with the claim it made there too. */
export interface ContributionCommandResult extends CommandResult {
  readonly fulfilmentClaim?: CommandResult;
}

@CommandHandler(ContributionCommandMessage)
export class ContributionCommandHandler
  implements ICommandHandler<ContributionCommandMessage, ContributionCommandResult>
{
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly access: CommandAccess,
    private readonly commands: CommandBus,
  ) {}

  async execute({
    command,
    context,
  }: ContributionCommandMessage): Promise<ContributionCommandResult> {
    const stream = streamOf('contribution', command.data.contributionId);
    const decided = await this.withFacts(command, stream, context);
    const result = await this.aggregates.execute(stream, contributionDecider, decided, context);
    if (command.type !== 'RecordContribution') return result;
    const claim = fulfilmentClaimFor({ type: 'ContributionRecorded', data: command.data });
    if (claim === undefined) return result;
    return { ...result, fulfilmentClaim: await this.claimFulfilment(claim, context) };
  }

  /**
   * The hand-off to the commitment, as a command caused by the contribution's. Its id derives
   * from the contribution's command id, so a retried request (same Idempotency-Key) claims once,
   * and completes a hand-off that an earlier attempt could not finish.
   */
  private claimFulfilment(claim: ClaimFulfilmentData, context: CommandContext) {
    const claimContext: CommandContext = {
      ...context,
      commandId: `${context.commandId}:fulfilment-claim`,
      causationId: context.commandId,
    };
    const command = commandFrom<CommitmentRequest>('ClaimFulfilment', claim, claimContext);
    return this.commands.execute(new CommitmentCommandMessage(command, claimContext));
  }

  private async withFacts(
    request: ContributionRequest,
    stream: string,
    context: CommandContext,
  ): Promise<ContributionCommand> {
    switch (request.type) {
      case 'RecordContribution': {
        const { partnershipId, commitmentId } = request.data;
        const partnership = await this.access.inPartnership(context, partnershipId);
        if (commitmentId === undefined) return { ...request, partnership };
        return { ...request, partnership, commitment: await this.commitmentOf(commitmentId) };
      }
      case 'AcknowledgeContribution': {
        const { partnership } = await this.recorded(stream, request.data.contributionId, context);
        return { ...request, partnership };
      }
      case 'ReverseContribution': {
        const { contributorId } = await this.recorded(stream, request.data.contributionId, context);
        // The domain records no reverser (the event's actor is); a partner reverses only its own.
        const own = context.actor.partnerId;
        if (own !== undefined && own !== contributorId) {
          throw new ForbiddenException(`Only ${contributorId} may reverse its contribution`);
        }
        return request;
      }
    }
  }

  /**
   * The contribution and its partnership's facts; one of a partnership the principal does not
   * act in is as unknown as one never recorded.
   */
  private async recorded(
    stream: string,
    contributionId: string,
    context: CommandContext,
  ): Promise<ContributionState & { partnership: PartnershipFacts }> {
    const notFound = () => new AggregateNotFound('Contribution', contributionId);
    const { state } = await this.aggregates.load(stream, contributionDecider);
    if (state.partnershipId === undefined) throw notFound();
    const partnership = await this.access.onObjectOf(context, state.partnershipId, notFound);
    return { ...state, partnership };
  }

  private async commitmentOf(commitmentId: string): Promise<CommitmentFacts> {
    const stream = streamOf('commitment', commitmentId);
    const { state } = await this.aggregates.load(stream, commitmentDecider);
    return commitmentFacts(commitmentId, state);
  }
}
