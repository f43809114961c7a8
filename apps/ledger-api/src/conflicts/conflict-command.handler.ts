import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  AggregateNotFound,
  type Command,
  type ConflictCommand,
  conflictDecider,
  type RaiseConflict,
} from '@cohesion/domain';
import { mayActOnConflict } from '../authorization/access-rules';
import { AggregateStore } from '../command-side/aggregate-store';
import type { CommandContext, CommandResult } from '../command-side/command-context';
import { CommandMessage } from '../command-side/command-messages';
import { streamOf } from '../command-side/aggregates';
import { ConflictFacts } from './conflict-facts';

type ProposeResolution = Extract<ConflictCommand, { type: 'ProposeResolution' }>;

/**
 * A resolution proposal as the controller knows it: whether the mediator or a party proposes
 * depends on who mediates the conflict, which the handler reads. `proposedBy` is only the party
 * the body names, if any.
 */
export type ProposeResolutionRequest = Command<
  'ProposeResolution',
  Omit<ProposeResolution['data'], 'proposedBy'> & { proposedBy?: string }
>;

/** A conflict command as the controller can build it: the handler completes it with facts. */
export type ConflictRequest =
  | Exclude<ConflictCommand, RaiseConflict | ProposeResolution>
  | Omit<RaiseConflict, 'partnership'>
  | ProposeResolutionRequest;

export class ConflictCommandMessage extends CommandMessage<ConflictRequest> {}

@CommandHandler(ConflictCommandMessage)
export class ConflictCommandHandler
  implements ICommandHandler<ConflictCommandMessage, CommandResult>
{
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly facts: ConflictFacts,
  ) {}

  async execute({ command, context }: ConflictCommandMessage): Promise<CommandResult> {
    const stream = streamOf('conflict', command.data.conflictId);
    if (command.type !== 'RaiseConflict') await this.authorize(stream, command, context);
    const complete = await this.facts.complete(command, context);
    return this.aggregates.execute(stream, conflictDecider, complete, context);
  }

  /**
   * A case is acted on by its parties (each for itself), its mediator, or an administrator; to
   * anyone else it is confidential, so it is answered exactly as a case never raised. (Raising is
   * checked against the partnership's membership, with the facts.)
   */
  private async authorize(
    stream: string,
    command: ConflictRequest,
    context: CommandContext,
  ): Promise<void> {
    const { state } = await this.aggregates.load(stream, conflictDecider);
    const participants = { ...state, proposedMediatorId: state.proposedMediator?.mediatorId };
    if (state.status === 'none' || !mayActOnConflict(context.actor, participants)) {
      throw new AggregateNotFound('Conflict', command.data.conflictId);
    }
  }
}
