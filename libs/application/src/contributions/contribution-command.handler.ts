import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  AggregateNotFound,
  type ContributionCommand,
  type ContributionState,
  commitmentFacts,
  contributionDecider,
  type PartnershipFacts,
} from '@cohesion/domain';
import { AggregateStore } from '../command-side/aggregate-store';
import { CommandAccess } from '../command-side/command-access';
import type { CommandContext, CommandResult } from '../command-side/command-context';
import { CommandMessage, type WithoutFacts } from '../command-side/command-messages';
import { streamOf } from '../command-side/streams';
import { accessDenied } from '../errors';
import { type FulfilmentClaimResult, FulfilmentHandOff } from './fulfilment-hand-off';

export type ContributionRequest = WithoutFacts<ContributionCommand, 'partnership' | 'commitment'>;
type RecordContributionRequest = Extract<ContributionRequest, { type: 'RecordContribution' }>;

export class ContributionCommandMessage extends CommandMessage<ContributionRequest> {}

/**
 * A contribution that names a commitment answers with the claim it made there too, and its
 * `position` is that of the claim, the last event the command wrote: waiting for it, a reader
 * sees both.
 */
export interface ContributionCommandResult extends CommandResult {
  readonly fulfilmentClaim?: FulfilmentClaimResult;
}

@CommandHandler(ContributionCommandMessage)
export class ContributionCommandHandler
  implements ICommandHandler<ContributionCommandMessage, ContributionCommandResult>
{
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly access: CommandAccess,
    private readonly handOff: FulfilmentHandOff,
  ) {}

  async execute({
    command,
    context,
  }: ContributionCommandMessage): Promise<ContributionCommandResult> {
    const stream = streamOf('contribution', command.data.contributionId);
    switch (command.type) {
      case 'RecordContribution':
        return this.record(stream, command, context);
      case 'AcknowledgeContribution': {
        const { partnership } = await this.recorded(stream, command.data.contributionId, context);
        const decided = { ...command, partnership };
        return this.aggregates.execute(stream, contributionDecider, decided, context);
      }
      case 'ReverseContribution': {
        const { contributorId } = await this.recorded(stream, command.data.contributionId, context);
        // The domain records no reverser (the event's actor is); a partner reverses only its own.
        const own = context.actor.partnerId;
        if (own !== undefined && own !== contributorId) {
          throw accessDenied(`Only ${contributorId} may reverse its contribution`);
        }
        return this.aggregates.execute(stream, contributionDecider, command, context);
      }
    }
  }

  /** Each aggregate is read once: the partnership, the commitment named (if any), the contribution. */
  private async record(
    stream: string,
    request: RecordContributionRequest,
    context: CommandContext,
  ): Promise<ContributionCommandResult> {
    const { partnershipId, commitmentId } = request.data;
    const partnership = await this.access.inPartnership(context, partnershipId);
    if (commitmentId === undefined) {
      return this.aggregates.execute(
        stream,
        contributionDecider,
        { ...request, partnership },
        context,
      );
    }
    const commitment = await this.handOff.commitmentToClaim(commitmentId, context);
    const decided = {
      ...request,
      partnership,
      commitment: commitmentFacts(commitmentId, commitment.state),
    };
    const recorded = await this.aggregates.execute(stream, contributionDecider, decided, context);
    const claim = await this.handOff.claim(request.data, partnership, commitment, context);
    if (claim === undefined) return recorded;
    const last = BigInt(claim.position) > BigInt(recorded.position) ? claim : recorded;
    return { ...recorded, position: last.position, fulfilmentClaim: claim };
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
}
