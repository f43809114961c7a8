import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import type { Command, Decider, DomainEvent, PartnershipFacts } from '@cohesion/domain';
import {
  effectiveDateOf,
  EVENT_STORE,
  type EventStore,
  eventIdFor,
  IdempotencyConflictError,
  type JsonObject,
  type RecordedEvent,
  WrongExpectedRevisionError,
} from '@cohesion/event-store';
import type { KeyStore } from '@cohesion/personal-data';
import { PERSONAL_DATA_KEYS } from '../personal-data/personal-data-keys';
import { openEventData, sealEventData } from '../personal-data/personal-fields';
import type { CommandContext, CommandResult } from './command-context';
import { ActDates } from './act-dates';
import { StreamTurns } from './stream-turns';
import { idOfStream } from './streams';

/** Schema version written with every event; bump it with an upcaster when an event's shape changes. */
export const EVENT_SCHEMA_VERSION = 1;
/** Attempts at re-reading and re-deciding when another writer got in first; then 409. */
const MAX_ATTEMPTS = 10;
/** Upper bound of the random pause before a re-read, times the attempt: spreads out contenders. */
const BACKOFF_MS = 5;

export interface LoadedAggregate<S> {
  readonly state: S;
  /** `undefined` when the stream has no event. */
  readonly revision?: bigint;
  readonly position?: bigint;
  /** The day its first act took effect: no later act may be dated before it. */
  readonly startedOn?: string;
}

/** An aggregate read for a command: also the events that command already recorded, if any. */
export interface LoadedForCommand<S> extends LoadedAggregate<S> {
  readonly earlier?: readonly RecordedEvent[];
}

/**
 * The command-side loop: read the stream, fold, decide, append at the exact revision read.
 * Commands on one stream take turns within this node (see `StreamTurns`); the expected revision
 * still guards against the other nodes writing to the same log.
 */
@Injectable()
export class AggregateStore {
  private readonly turns = new StreamTurns();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly actDates: ActDates,
    @Inject(PERSONAL_DATA_KEYS) private readonly keys: KeyStore,
  ) {}

  /** The stream folded into its aggregate's state. */
  load<E extends DomainEvent, S>(
    stream: string,
    decider: Pick<Decider<Command, E, S>, 'initialState' | 'evolve'>,
  ): Promise<LoadedAggregate<S>> {
    return this.loadForCommand(stream, decider, undefined);
  }

  /**
   * Decides `command` against the stream's current state and appends the result. A command whose
   * id is already in the stream is answered with its first result when it is the same command
   * (same fingerprint), and refused as a reused key otherwise. `loaded`, the stream as the caller
   * already read it for this command (`loadForCommand`), saves the first read; should the stream
   * have moved on since, the append fails on its revision and the stream is read again.
   */
  execute<C extends Command, E extends DomainEvent, S>(
    stream: string,
    decider: Decider<C, E, S>,
    command: C,
    context: CommandContext,
    loaded?: LoadedForCommand<S>,
  ): Promise<CommandResult> {
    return this.turns.take(stream, () =>
      this.decideAndAppend(stream, decider, command, context, loaded),
    );
  }

  private async decideAndAppend<C extends Command, E extends DomainEvent, S>(
    stream: string,
    decider: Decider<C, E, S>,
    command: C,
    context: CommandContext,
    loaded: LoadedForCommand<S> | undefined,
  ): Promise<CommandResult> {
    const commandFingerprint = fingerprintOf(command, context);
    for (let attempt = 1; ; attempt++) {
      const { state, revision, position, earlier, startedOn } =
        attempt === 1 && loaded !== undefined
          ? loaded
          : await this.loadForCommand(stream, decider, context.commandId);
      if (earlier) return repeatedResult(stream, commandFingerprint, earlier);
      const dates = this.actDates.resolve(context, startOf(stream, startedOn, command));
      const { today, effectiveDate, backfillReason } = dates;
      const dated = { ...command, metadata: { ...command.metadata, today, effectiveDate } };
      const events = decider.decide(dated, state);
      if (events.length === 0) {
        return result(stream, revision ?? -1n, position ?? 0n, []);
      }
      try {
        const appended = await this.store.append(
          stream,
          events.map((event, index) => ({
            id: eventIdFor(context.commandId, index),
            type: event.type,
            // Personal fields are sealed here, at the log's door: deciders decide on plain values.
            data: sealEventData(event.type, event.data as JsonObject, context.actor, this.keys),
            metadata: {
              actor: context.actor,
              commandId: context.commandId,
              correlationId: context.correlationId,
              causationId: context.causationId,
              schemaVersion: EVENT_SCHEMA_VERSION,
              commandFingerprint,
              effectiveDate,
              ...(backfillReason !== undefined ? { backfillReason } : {}),
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
        await sleep(Math.random() * BACKOFF_MS * attempt);
      }
    }
  }

  /** The stream folded, and the events that the command `commandId` already recorded there. */
  async loadForCommand<C extends Command, E extends DomainEvent, S>(
    stream: string,
    decider: Pick<Decider<C, E, S>, 'initialState' | 'evolve'>,
    commandId: string | undefined,
  ): Promise<LoadedForCommand<S>> {
    let state = decider.initialState();
    let last: RecordedEvent | undefined;
    const earlier: RecordedEvent[] = [];
    let startedOn: string | undefined;
    for await (const event of this.store.readStream(stream)) {
      if (commandId !== undefined && event.metadata.commandId === commandId) earlier.push(event);
      state = decider.evolve(state, this.toDomainEvent<E>(event));
      startedOn ??= effectiveDateOf(event);
      last = event;
    }
    return {
      state,
      revision: last?.revision,
      position: last?.position,
      startedOn,
      earlier: earlier.length > 0 ? earlier : undefined,
    };
  }

  /** What a decider folds: the event with its personal fields opened (or shown as erased). */
  private toDomainEvent<E extends DomainEvent>(event: RecordedEvent): E {
    const data = openEventData(event.type, event.data, this.keys);
    return { type: event.type, data } as unknown as E;
  }
}

/** The events of a command already recorded answer its retry, if it is the same command. */
function repeatedResult(
  stream: string,
  commandFingerprint: string,
  earlier: readonly RecordedEvent[],
): CommandResult {
  const recorded = earlier[0].metadata.commandFingerprint;
  // Events written without a fingerprint (imported from elsewhere) cannot tell: taken as a retry.
  if (recorded !== undefined && recorded !== commandFingerprint) {
    throw new IdempotencyConflictError(
      stream,
      earlier[0].id,
      'belongs to another command sent with the same key',
    );
  }
  const last = earlier[earlier.length - 1];
  return result(
    stream,
    last.revision,
    last.position,
    earlier.map((event) => event.type),
  );
}

/**
 * What identifies a command's content: its type, its data and the day it says its act took
 * effect (when it says one), not its facts nor the rest of its metadata.
 */
function fingerprintOf(command: Command, context: CommandContext): string {
  const { type, data } = command;
  const content = canonicalize({ type, data, effectiveDate: context.effectiveDate }) ?? '';
  return createHash('sha256').update(content).digest('hex');
}

/**
 * The day no act on the stream may be dated before: its first act's, or, for the first act of an
 * aggregate in a partnership, the partnership's founding (from the facts the command carries).
 */
function startOf(
  stream: string,
  startedOn: string | undefined,
  command: Command,
): { date: string; what: string } | undefined {
  if (startedOn !== undefined) return { date: startedOn, what: `the first act of ${stream}` };
  const { partnership } = command as { partnership?: PartnershipFacts };
  if (partnership?.foundedOn === undefined) return undefined;
  return {
    date: partnership.foundedOn,
    what: `the founding of partnership ${partnership.partnershipId}`,
  };
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function result(
  stream: string,
  revision: bigint,
  position: bigint,
  events: readonly string[],
): CommandResult {
  return {
    id: idOfStream(stream),
    stream,
    revision: revision.toString(),
    position: position.toString(),
    events,
  };
}
