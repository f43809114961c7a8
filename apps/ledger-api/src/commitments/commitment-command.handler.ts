import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateNotFound, type CommitmentCommand, commitmentDecider } from '@cohesion/domain';
import { AggregateStore } from '../command-side/aggregate-store';
import type { CommandResult } from '../command-side/command-context';
import { CommandMessage, type WithoutFacts } from '../command-side/command-messages';
import { streamOf } from '../command-side/aggregates';
import { PartnershipFactsReader } from '../command-side/partnership-facts.reader';

export type CommitmentRequest = WithoutFacts<CommitmentCommand>;

export class CommitmentCommandMessage extends CommandMessage<CommitmentRequest> {}

@CommandHandler(CommitmentCommandMessage)
export class CommitmentCommandHandler
  implements ICommandHandler<CommitmentCommandMessage, CommandResult>
{
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly partnerships: PartnershipFactsReader,
  ) {}

  async execute({ command, context }: CommitmentCommandMessage): Promise<CommandResult> {
    const stream = streamOf('commitment', command.data.commitmentId);
    const decided = await this.withFacts(command, stream);
    return this.aggregates.execute(stream, commitmentDecider, decided, context);
  }

  private async withFacts(request: CommitmentRequest, stream: string): Promise<CommitmentCommand> {
    switch (request.type) {
      case 'MakeCommitment':
        return {
          ...request,
          partnership: await this.partnerships.factsOf(request.data.partnershipId),
        };
      case 'ReleaseCommitment':
      case 'WithdrawCommitment':
        return request;
      case 'AcceptCommitment':
      case 'AmendCommitment':
      case 'ClaimFulfilment':
      case 'ConfirmFulfilment':
      case 'DisputeFulfilment':
      case 'CloseCommitmentAsPartial': {
        const partnershipId = await this.partnershipOf(stream, request.data.commitmentId);
        return { ...request, partnership: await this.partnerships.factsOf(partnershipId) };
      }
    }
  }

  /** The partnership a commitment was made in, from its own stream. */
  private async partnershipOf(stream: string, commitmentId: string): Promise<string> {
    const { state } = await this.aggregates.load(stream, commitmentDecider);
    if (state.partnershipId === undefined) throw new AggregateNotFound('Commitment', commitmentId);
    return state.partnershipId;
  }
}
