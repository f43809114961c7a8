import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type Command,
  type ConflictCommand,
  conflictDecider,
  type RaiseConflict,
} from '@cohesion/domain';
import { AggregateStore } from '../command-side/aggregate-store';
import type { CommandResult } from '../command-side/command-context';
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
    const complete = await this.facts.complete(command, context);
    return this.aggregates.execute(stream, conflictDecider, complete, context);
  }
}
