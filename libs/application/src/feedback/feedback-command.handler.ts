import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateNotFound, type FeedbackCommand, feedbackDecider } from '@cohesion/domain';
import { AggregateStore } from '../command-side/aggregate-store';
import { streamOf } from '../command-side/streams';
import { CommandAccess } from '../command-side/command-access';
import type { CommandContext, CommandResult } from '../command-side/command-context';
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
    private readonly access: CommandAccess,
  ) {}

  async execute({ command, context }: FeedbackCommandMessage): Promise<CommandResult> {
    const stream = streamOf('feedback', command.data.feedbackId);
    const complete = await this.withFacts(command, stream, context);
    return this.aggregates.execute(stream, feedbackDecider, complete, context);
  }

  /**
   * Anyone may give feedback about a partnership (no membership needed: residents have none).
   * Handling it is for its partnership's members and administrators; to anyone else, feedback
   * of another partnership is as unknown as feedback never given.
   */
  private async withFacts(
    command: FeedbackRequest,
    stream: string,
    context: CommandContext,
  ): Promise<FeedbackCommand> {
    if (command.type === 'SubmitFeedback') {
      return {
        ...command,
        partnership: await this.partnerships.factsOf(command.data.partnershipId),
      };
    }
    const notFound = () => new AggregateNotFound('Feedback', command.data.feedbackId);
    const { state } = await this.aggregates.load(stream, feedbackDecider);
    if (state.partnershipId === undefined) throw notFound();
    await this.access.onObjectOf(context, state.partnershipId, notFound);
    return command;
  }
}
