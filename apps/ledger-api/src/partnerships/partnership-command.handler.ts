import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type PartnershipCommand, partnershipDecider } from '@cohesion/domain';
import { AggregateStore } from '../command-side/aggregate-store';
import type { CommandResult } from '../command-side/command-context';
import { CommandMessage } from '../command-side/command-messages';
import { streamOf } from '../command-side/aggregates';

export class PartnershipCommandMessage extends CommandMessage<PartnershipCommand> {}

@CommandHandler(PartnershipCommandMessage)
export class PartnershipCommandHandler
  implements ICommandHandler<PartnershipCommandMessage, CommandResult>
{
  constructor(private readonly aggregates: AggregateStore) {}

  execute({ command, context }: PartnershipCommandMessage): Promise<CommandResult> {
    const stream = streamOf('partnership', command.data.partnershipId);
    return this.aggregates.execute(stream, partnershipDecider, command, context);
  }
}
