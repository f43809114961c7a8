import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateNotFound, conflictDecider, type ConflictState } from '@cohesion/domain';
import { mayActOnConflict } from '../access/access-rules';
import { AggregateStore } from '../command-side/aggregate-store';
import type { CommandContext, CommandResult } from '../command-side/command-context';
import { CommandMessage } from '../command-side/command-messages';
import { streamOf } from '../command-side/streams';
import { concealing } from '../errors';
import { ConflictFacts } from './conflict-facts';
import type { ConflictRequest } from './conflict-requests';

export class ConflictCommandMessage extends CommandMessage<ConflictRequest> {}

@CommandHandler(ConflictCommandMessage)
export class ConflictCommandHandler
  implements ICommandHandler<ConflictCommandMessage, CommandResult>
{
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly facts: ConflictFacts,
  ) {}

  /** The case is read once: to authorize, to complete the request, to decide. */
  async execute({ command, context }: ConflictCommandMessage): Promise<CommandResult> {
    const stream = streamOf('conflict', command.data.conflictId);
    const conflict = await this.aggregates.loadForCommand(
      stream,
      conflictDecider,
      context.commandId,
    );
    if (command.type !== 'RaiseConflict') this.authorize(conflict.state, command, context);
    const complete = await this.facts.complete(command, context, conflict.state);
    return this.aggregates.execute(stream, conflictDecider, complete, context, conflict);
  }

  /**
   * A case is acted on by its parties (each for itself), its mediator, or an administrator; to
   * anyone else it is confidential, so it is answered exactly as a case never raised. (Raising is
   * checked against the partnership's membership, with the facts.)
   */
  private authorize(state: ConflictState, command: ConflictRequest, context: CommandContext): void {
    const participants = { ...state, proposedMediatorId: state.proposedMediator?.mediatorId };
    const unknown = () => new AggregateNotFound('Conflict', command.data.conflictId);
    if (state.status === 'none') throw unknown();
    if (!mayActOnConflict(context.actor, participants)) throw concealing(unknown());
  }
}
