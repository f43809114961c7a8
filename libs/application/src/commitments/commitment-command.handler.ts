import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  AggregateNotFound,
  type CommitmentCommand,
  commitmentDecider,
  type PartnershipFacts,
} from '@cohesion/domain';
import { AggregateStore } from '../command-side/aggregate-store';
import { CommandAccess } from '../command-side/command-access';
import type { CommandContext, CommandResult } from '../command-side/command-context';
import { CommandMessage, type WithoutFacts } from '../command-side/command-messages';
import { streamOf } from '../command-side/streams';

export type CommitmentRequest = WithoutFacts<CommitmentCommand>;

export class CommitmentCommandMessage extends CommandMessage<CommitmentRequest> {}

@CommandHandler(CommitmentCommandMessage)
export class CommitmentCommandHandler
  implements ICommandHandler<CommitmentCommandMessage, CommandResult>
{
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly access: CommandAccess,
  ) {}

  async execute({ command, context }: CommitmentCommandMessage): Promise<CommandResult> {
    const stream = streamOf('commitment', command.data.commitmentId);
    const decided = await this.withFacts(command, stream, context);
    return this.aggregates.execute(stream, commitmentDecider, decided, context);
  }

  /** Completes the request with its partnership's facts, once the principal may act there. */
  private async withFacts(
    request: CommitmentRequest,
    stream: string,
    context: CommandContext,
  ): Promise<CommitmentCommand> {
    switch (request.type) {
      case 'MakeCommitment':
        return {
          ...request,
          partnership: await this.access.inPartnership(context, request.data.partnershipId),
        };
      case 'ReleaseCommitment':
      case 'WithdrawCommitment':
        // These decide without the partnership's facts, but only its members may ask.
        await this.partnershipOf(stream, request.data.commitmentId, context);
        return request;
      case 'AcceptCommitment':
      case 'AmendCommitment':
      case 'ClaimFulfilment':
      case 'ConfirmFulfilment':
      case 'DisputeFulfilment':
      case 'CloseCommitmentAsPartial':
        return {
          ...request,
          partnership: await this.partnershipOf(stream, request.data.commitmentId, context),
        };
    }
  }

  /**
   * The facts of the partnership the commitment was made in, from its own stream; a commitment
   * of a partnership the principal does not act in is as unknown as one never made.
   */
  private async partnershipOf(
    stream: string,
    commitmentId: string,
    context: CommandContext,
  ): Promise<PartnershipFacts> {
    const notFound = () => new AggregateNotFound('Commitment', commitmentId);
    const { state } = await this.aggregates.load(stream, commitmentDecider);
    if (state.partnershipId === undefined) throw notFound();
    return this.access.onObjectOf(context, state.partnershipId, notFound);
  }
}
