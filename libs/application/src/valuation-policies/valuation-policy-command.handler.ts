import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type ValuationPolicyCommand, valuationPolicyDecider } from '@cohesion/domain';
import { AggregateStore } from '../command-side/aggregate-store';
import type { CommandResult } from '../command-side/command-context';
import { CommandMessage } from '../command-side/command-messages';
import { streamOf } from '../command-side/streams';

export class ValuationPolicyCommandMessage extends CommandMessage<ValuationPolicyCommand> {}

@CommandHandler(ValuationPolicyCommandMessage)
export class ValuationPolicyCommandHandler
  implements ICommandHandler<ValuationPolicyCommandMessage, CommandResult>
{
  constructor(private readonly aggregates: AggregateStore) {}

  execute({ command, context }: ValuationPolicyCommandMessage): Promise<CommandResult> {
    const stream = streamOf('valuation-policy', command.data.policyId);
    return this.aggregates.execute(stream, valuationPolicyDecider, command, context);
  }
}
