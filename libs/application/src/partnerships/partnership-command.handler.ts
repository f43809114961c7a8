import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type PartnershipCommand, partnershipDecider } from '@cohesion/domain';
import { AggregateStore } from '../command-side/aggregate-store';
import { CommandAccess } from '../command-side/command-access';
import type { CommandContext, CommandResult } from '../command-side/command-context';
import { CommandMessage } from '../command-side/command-messages';
import { streamOf } from '../command-side/streams';

export class PartnershipCommandMessage extends CommandMessage<PartnershipCommand> {}

@CommandHandler(PartnershipCommandMessage)
export class PartnershipCommandHandler
  implements ICommandHandler<PartnershipCommandMessage, CommandResult>
{
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly access: CommandAccess,
  ) {}

  async execute({ command, context }: PartnershipCommandMessage): Promise<CommandResult> {
    await this.authorize(command, context);
    const stream = streamOf('partnership', command.data.partnershipId);
    return this.aggregates.execute(stream, partnershipDecider, command, context);
  }

  /**
   * Founding, membership and the partnership's status are administrators' (the route rule says
   * so); objectives and meetings are also its members', each in its own partnerships only.
   */
  private async authorize(command: PartnershipCommand, context: CommandContext): Promise<void> {
    switch (command.type) {
      case 'SetObjective':
      case 'ReviseObjective':
      case 'AchieveObjective':
      case 'RetireObjective':
      case 'RecordMeeting':
        await this.access.inPartnership(context, command.data.partnershipId);
        return;
      case 'FoundPartnership':
      case 'JoinPartner':
      case 'LeavePartnership':
      case 'ChangePartnerRole':
      case 'SuspendPartnership':
      case 'ReactivatePartnership':
      case 'ClosePartnership':
        return;
    }
  }
}
