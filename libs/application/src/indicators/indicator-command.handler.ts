import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type IndicatorCommand, indicatorDecider } from '@cohesion/domain';
import { AggregateStore } from '../command-side/aggregate-store';
import { streamOf } from '../command-side/streams';
import type { CommandResult } from '../command-side/command-context';
import { CommandMessage } from '../command-side/command-messages';
import { PartnershipFactsReader } from '../command-side/partnership-facts.reader';

/** An indicator command as the controller builds it: the handler adds the partnership facts. */
export type IndicatorRequest =
  | Exclude<IndicatorCommand, { type: 'DefineIndicator' }>
  | Omit<Extract<IndicatorCommand, { type: 'DefineIndicator' }>, 'partnership'>;

export class IndicatorCommandMessage extends CommandMessage<IndicatorRequest> {}

@CommandHandler(IndicatorCommandMessage)
export class IndicatorCommandHandler
  implements ICommandHandler<IndicatorCommandMessage, CommandResult>
{
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly partnerships: PartnershipFactsReader,
  ) {}

  async execute({ command, context }: IndicatorCommandMessage): Promise<CommandResult> {
    const stream = streamOf('indicator', command.data.indicatorId);
    return this.aggregates.execute(
      stream,
      indicatorDecider,
      await this.withFacts(command),
      context,
    );
  }

  private async withFacts(command: IndicatorRequest): Promise<IndicatorCommand> {
    if (command.type !== 'DefineIndicator') return command;
    return { ...command, partnership: await this.partnerships.factsOf(command.data.partnershipId) };
  }
}
