/**
 * The shape of every aggregate: a pure decider (no framework, no clock, no I/O).
 * The clock and the acting principal arrive in the command's metadata; facts about other
 * aggregates (is this partner a member?) are looked up by the handler and passed in the command.
 */

/** Who asks, and when; supplied by the application from authentication and its clock. */
export interface CommandMetadata {
  readonly actor: {
    readonly sub: string;
    readonly partnerId?: string;
    readonly roles?: readonly string[];
  };
  /** ISO-8601 instant at which the command is decided (the ledger's clock: when it is recorded). */
  readonly now: string;
  /** The calendar day of `now` where the partnerships are (YYYY-MM-DD); the UTC day when absent. */
  readonly today?: string;
  /**
   * The day the act took effect in the world (YYYY-MM-DD), as whoever records it says: an act may
   * be recorded after it happened (a partnership entering its past). `today` when absent.
   */
  readonly effectiveDate?: string;
}

export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

/** A fact, in the past tense, as plain data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export interface Decider<C extends Command, E extends DomainEvent, S> {
  initialState(): S;
  evolve(state: S, event: E): S;
  /** The events that the command produces from the state, or a thrown `DomainError`. */
  decide(command: C, state: S): E[];
}

/** Folds events into state with a decider's `evolve`, starting from its initial state. */
export function fold<E extends DomainEvent, S>(
  decider: Pick<Decider<Command, E, S>, 'initialState' | 'evolve'>,
  events: Iterable<E>,
): S {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
