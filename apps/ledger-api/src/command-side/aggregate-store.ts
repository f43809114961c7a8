import { Inject, Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import type { Command, Decider, DomainEvent } from '@cohesion/domain';
import {
  EVENT_STORE,
  type EventStore,
  eventIdFor,
  IdempotencyConflictError,
  type JsonObject,
  type RecordedEvent,
  WrongExpectedRevisionError,
} from '@cohesion/event-store';
import type { CommandContext, CommandResult } from './command-context';

/** Schema version written with every event; bump it with an upcaster when an event's shape changes. */
export const EVENT_SCHEMA_VERSION = 1;
/** Attempts at re-reading and re-deciding when another writer got in first; then 409. */
const MAX_ATTEMPTS = 5;

export interface LoadedAggregate<S> {
  readonly state: S;
  /** `undefined` when the stream has no event. */
  readonly revision?: bigint;
  readonly position?: bigint;
}

/** The command-side loop: read the stream, fold, decide, append at the exact revision read. */
@Injectable()
export class AggregateStore {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load<E extends DomainEvent, S>(
    stream: string,
    decider: Pick<Decider<Command, E, S>, 'initialState' | 'evolve'>,
  ): Promise<LoadedAggregate<S>> {
    let state = decider.initialState();
    let last: RecordedEvent | undefined;
    for await (const event of this.store.readStream(stream)) {
      state = decider.evolve(state, toDomainEvent<E>(event));
      last = event;
    }
    return { state, revision: last?.revision, position: last?.position };
  }

  /**
   * Decides `command` against the stream's current state and appends the result. A command whose
   * id is already in the stream is answered with its first result when it decides the same events
   * again from the state it met then, and refused as a reused key otherwise.
   */
  async execute<C extends Command, E extends DomainEvent, S>(
    stream: string,
    decider: Decider<C, E, S>,
    command: C,
    context: CommandContext,
  ): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      const { state, revision, position, earlier } = await this.loadForCommand(
        stream,
        decider,
        context.commandId,
      );
      if (earlier) return this.repeatedResult(stream, decider, command, earlier);
      const events = decider.decide(command, state);
      if (events.length === 0) {
        return result(stream, revision ?? -1n, position ?? 0n, []);
      }
      try {
        const appended = await this.store.append(
          stream,
          events.map((event, index) => ({
            id: eventIdFor(context.commandId, index),
            type: event.type,
            data: event.data as JsonObject,
            metadata: {
              actor: context.actor,
              commandId: context.commandId,
              correlationId: context.correlationId,
              causationId: context.causationId,
              schemaVersion: EVENT_SCHEMA_VERSION,
            },
          })),
          { expectedRevision: revision ?? 'no_stream' },
        );
        return result(
          stream,
          appended.nextRevision,
          appended.position,
          events.map((e) => e.type),
        );
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async loadForCommand<C extends Command, E extends DomainEvent, S>(
    stream: string,
    decider: Decider<C, E, S>,
    commandId: string,
  ) {
    let state = decider.initialState();
    let last: RecordedEvent | undefined;
    let earlier: { stateBefore: S; events: RecordedEvent[] } | undefined;
    for await (const event of this.store.readStream(stream)) {
      if (event.metadata.commandId === commandId) {
        earlier ??= { stateBefore: state, events: [] };
        earlier.events.push(event);
      }
      state = decider.evolve(state, toDomainEvent<E>(event));
      last = event;
    }
    return { state, revision: last?.revision, position: last?.position, earlier };
  }

  private repeatedResult<C extends Command, E extends DomainEvent, S>(
    stream: string,
    decider: Decider<C, E, S>,
    command: C,
    earlier: { stateBefore: S; events: RecordedEvent[] },
  ): CommandResult {
    const recorded = earlier.events.map((event) => ({ type: event.type, data: event.data }));
    let again: readonly DomainEvent[] = [];
    try {
      again = decider.decide(command, earlier.stateBefore);
    } catch {
      // The earlier state no longer admits this command: it cannot be the same one.
    }
    if (canonicalize(again) !== canonicalize(recorded)) {
      throw new IdempotencyConflictError(
        stream,
        earlier.events[0].id,
        'belongs to another command with the same key',
      );
    }
    const last = earlier.events[earlier.events.length - 1];
    return result(
      stream,
      last.revision,
      last.position,
      recorded.map((event) => event.type),
    );
  }
}

function toDomainEvent<E extends DomainEvent>(event: RecordedEvent): E {
  return { type: event.type, data: event.data } as unknown as E;
}

function result(
  stream: string,
  revision: bigint,
  position: bigint,
  events: readonly string[],
): CommandResult {
  return { stream, revision: revision.toString(), position: position.toString(), events };
}
