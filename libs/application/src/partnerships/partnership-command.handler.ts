import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type PartnershipCommand,
  partnershipDecider,
  valuationPolicyDecider,
} from '@cohesion/domain';
import { AggregateStore } from '../command-side/aggregate-store';
import { CommandAccess } from '../command-side/command-access';
import type { CommandContext, CommandResult } from '../command-side/command-context';
import { CommandMessage, type WithoutFacts } from '../command-side/command-messages';
import { streamOf } from '../command-side/streams';

export type PartnershipRequest = WithoutFacts<PartnershipCommand, 'policyDefined'>;

export class PartnershipCommandMessage extends CommandMessage<PartnershipRequest> {}

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
    const decided = await this.withFacts(command);
    return this.aggregates.execute(stream, partnershipDecider, decided, context);
  }

  /** Completes the request with what the decider must know of other aggregates. */
  private async withFacts(request: PartnershipRequest): Promise<PartnershipCommand> {
    if (request.type !== 'SetDefaultValuationPolicy') return request;
    const policy = streamOf('valuation-policy', request.data.policyId);
    const { state } = await this.aggregates.load(policy, valuationPolicyDecider);
    return { ...request, policyDefined: state.status === 'defined' };
  }

  /**
   * Founding, membership, the partnership's status and its default valuation policy are
   * administrators' (the route rule says so); objectives and meetings are also its members',
   * and the retention of feedback contacts its partners' admins', each in its own partnerships.
   */
  private async authorize(command: PartnershipRequest, context: CommandContext): Promise<void> {
    switch (command.type) {
      case 'SetObjective':
      case 'ReviseObjective':
      case 'AchieveObjective':
      case 'RetireObjective':
      case 'RecordMeeting':
      case 'SetFeedbackContactRetention':
        await this.access.inPartnership(context, command.data.partnershipId);
        return;
      case 'FoundPartnership':
      case 'JoinPartner':
      case 'LeavePartnership':
      case 'ChangePartnerRole':
      case 'SuspendPartnership':
      case 'ReactivatePartnership':
      case 'ClosePartnership':
      case 'SetDefaultValuationPolicy':
        return;
    }
  }
}
