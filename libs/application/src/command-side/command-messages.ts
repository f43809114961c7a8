import { Command as CqrsCommand } from '@nestjs/cqrs';
import type { Command } from '@cohesion/domain';
import type { CommandContext, CommandResult } from './command-context';

/** A domain command travelling on the CQRS command bus, with its context. */
export abstract class CommandMessage<C extends Command> extends CqrsCommand<CommandResult> {
  constructor(
    readonly command: C,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Builds a domain command from a request body and the request's context. */
export function commandFrom<C extends Command>(
  type: C['type'],
  data: C['data'],
  context: CommandContext,
): C {
  return {
    type,
    data: plain(data),
    metadata: { actor: context.actor, now: context.now },
  } as unknown as C;
}

/** DTO instances become plain JSON data (no class prototypes, no undefined members). */
function plain<T>(data: T): T {
  return JSON.parse(JSON.stringify(data)) as T;
}

/**
 * A command as a request states it, without the facts about other aggregates: the handler reads
 * those itself, so that a client can never vouch for them.
 */
export type WithoutFacts<C, Facts extends string = 'partnership'> = C extends unknown
  ? Omit<C, Facts>
  : never;
