import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type FeedbackCommand, feedbackDecider } from '@cohesion/domain';
import { AggregateStore } from '../command-side/aggregate-store';
import { streamOf } from '../command-side/aggregates';
import type { CommandResult } from '../command-side/command-context';
import { CommandMessage } from '../command-side/command-messages';
import { PartnershipFactsReader } from '../command-side/partnership-facts.reader';

/** A feedback command as the controller builds it: the handler adds the partnership facts. */
export type FeedbackRequest =
  | Exclude<FeedbackCommand, { type: 'SubmitFeedback' }>
  | Omit<Extract<FeedbackCommand, { type: 'SubmitFeedback' }>, 'partnership'>;

export class FeedbackCommandMessage extends CommandMessage<FeedbackRequest> {}

@CommandHandler(FeedbackCommandMessage)
export class FeedbackCommandHandler
  implements ICommandHandler<FeedbackCommandMessage, CommandResult>
{
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly partnerships: PartnershipFactsReader,
  ) {}

  async execute({ command, context }: FeedbackCommandMessage): Promise<CommandResult> {
    const stream = streamOf('feedback', command.data.feedbackId);
    return this.aggregates.execute(stream, feedbackDecider, await this.withFacts(command), context);
  }

  private async withFacts(command: FeedbackRequest): Promise<FeedbackCommand> {
    if (command.type !== 'SubmitFeedback') return command;
    return { ...command, partnership: await this.partnerships.factsOf(command.data.partnershipId) };
  }
}
