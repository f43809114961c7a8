import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Command, CommandMetadata, Decider, DomainEvent } from '@cohesion/domain';
import {
  chainEvents,
  EMPTY_TAIL,
  eventIdFor,
  type JsonObject,
  type StreamTail,
} from '@cohesion/event-store';
import type { PositionedEvent } from './bulk-log-writer';
import type { SeededRandom } from './seeded-random';

export type Actor = CommandMetadata['actor'];

/** Seals an event's personal fields as the API's aggregate store does before appending. */
export type SealEvent = (type: string, data: JsonObject, actor: Actor) => JsonObject;

/** Written with every event, as the API's AggregateStore does. */
const EVENT_SCHEMA_VERSION = 1;
const DAY_MS = 86_400_000;

interface StreamSlot {
  state: unknown;
  tail: StreamTail;
  events: number;
}

/** Where a command comes from when another command caused it (a contribution's fulfilment claim). */
export interface Causation {
  readonly commandId: string;
  readonly causationId: string;
}

/**
 * The command side of the ledger, in memory and in log order: every command is decided by the
 * real decider against the stream's folded state, and its events are chained and numbered exactly
 * as the store would record them, with metadata shaped as the API writes it. The clock is
 * simulated, so that years of activity fit in one run and every date stays consistent.
 */
export class SimulatedLedger {
  private readonly streams = new Map<string, StreamSlot>();
  private position = 0n;
  private commandCount = 0;
  private clockMs: number;
  private nowIso: string;
  private readonly eventTypes = new Map<string, number>();

  constructor(
    private readonly sink: (event: PositionedEvent) => void,
    private readonly random: SeededRandom,
    start: string,
    /** Mean simulated time between two commands. */
    private readonly meanStepMs: number,
    private readonly seal: SealEvent,
  ) {
    this.clockMs = Date.parse(start);
    this.nowIso = start;
  }

  get now(): string {
    return this.nowIso;
  }

  /** Today in the simulated clock, `YYYY-MM-DD`. */
  get today(): string {
    return this.now.slice(0, 10);
  }

  /** A day relative to today (negative: in the past). */
  day(offsetDays: number): string {
    return new Date(this.clockMs + offsetDays * DAY_MS).toISOString().slice(0, 10);
  }

  /** Events recorded so far. */
  get size(): number {
    return Number(this.position);
  }

  /** How many events of each type were recorded. */
  get typeCounts(): ReadonlyMap<string, number> {
    return this.eventTypes;
  }

  metadata(actor: Actor): CommandMetadata {
    return { actor, now: this.now };
  }

  state<S>(stream: string, decider: Pick<Decider<Command, DomainEvent, S>, 'initialState'>): S {
    return (this.streams.get(stream)?.state as S | undefined) ?? decider.initialState();
  }

  /**
   * Forgets the state of a stream whose storyline has ended, so that a million events do not keep
   * half a million states alive. Ids are never reused; were a retired stream written again, its
   * revision 0 would break the store's unique (stream, revision) key, and the generation fail.
   */
  retire(stream: string): void {
    this.streams.delete(stream);
  }

  /** Events in the stream so far. */
  length(stream: string): number {
    return this.streams.get(stream)?.events ?? 0;
  }

  /**
   * Decides the command against the stream, records its events and returns the command id.
   * A command the decider refuses throws: the generator only sends commands the ledger accepts.
   */
  execute<C extends Command, E extends DomainEvent, S>(
    stream: string,
    decider: Decider<C, E, S>,
    command: NoInfer<C>,
    causation?: Causation,
  ): string {
    this.clockMs += Math.floor(this.random.next() * 2 * this.meanStepMs);
    this.nowIso = new Date(this.clockMs).toISOString();
    this.commandCount += 1;
    const commandId = causation?.commandId ?? `bench-command-${this.commandCount}`;
    const slot = this.streams.get(stream) ?? {
      state: decider.initialState(),
      tail: EMPTY_TAIL,
      events: 0,
    };
    const decided = decider.decide(command, slot.state as S);
    if (decided.length === 0) return commandId;
    const fingerprint = createHash('sha256')
      .update(canonicalize({ type: command.type, data: command.data as JsonObject }) ?? '')
      .digest('hex');
    const chained = chainEvents(
      stream,
      slot.tail,
      decided.map((event, index) => ({
        id: eventIdFor(commandId, index),
        type: event.type,
        data: this.seal(event.type, event.data as JsonObject, command.metadata.actor),
        metadata: {
          actor: command.metadata.actor,
          commandId,
          correlationId: commandId,
          causationId: causation?.causationId ?? commandId,
          schemaVersion: EVENT_SCHEMA_VERSION,
          commandFingerprint: fingerprint,
        },
      })),
      this.now,
    );
    let state = slot.state as S;
    for (const [index, event] of chained.entries()) {
      state = decider.evolve(state, decided[index]);
      this.position += 1n;
      this.eventTypes.set(event.type, (this.eventTypes.get(event.type) ?? 0) + 1);
      this.sink({ ...event, position: this.position });
    }
    const last = chained[chained.length - 1];
    this.streams.set(stream, {
      state,
      tail: { revision: last.revision, hash: last.hash },
      events: slot.events + chained.length,
    });
    return commandId;
  }
}
