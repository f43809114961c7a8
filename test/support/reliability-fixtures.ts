import {
  type EventStore,
  WrongExpectedRevisionError,
  eventIdFor,
  GENESIS_HASH,
  hashEvent,
  type RecordedEvent,
} from '@cohesion/event-store';
import { admin, type LedgerClient, partner, type Principal } from './ledger-client';

/** How the ledger answered one command sent under its own Idempotency-Key. */
export interface CommandOutcome {
  readonly key: string;
  readonly status: number;
  readonly contentType: string;
  /** The problem type of a refusal (`urn:cohesion-ledger:problem:…`). */
  readonly problem?: string;
  /** For a 2xx: the global position of its last event and the types it recorded. */
  readonly position?: string;
  readonly events?: readonly string[];
  /** The command a 2xx handed off under a key derived from its own (a contribution's claim). */
  readonly handOff?: CommandOutcome;
}

/** A command to send through HTTP: a POST, as a principal, under its Idempotency-Key. */
export interface HttpCommand {
  readonly key: string;
  readonly path: string;
  readonly body: object;
  readonly as: Principal;
}

interface CommandAnswer {
  readonly position?: string;
  readonly events?: readonly string[];
}

/** Sends a POST as `as` under the Idempotency-Key `key`, and keeps what matters of the answer. */
export async function sendCommand(
  api: LedgerClient,
  path: string,
  body: object,
  as: Principal,
  key: string,
): Promise<CommandOutcome> {
  const response = await api.post(path, body, as, { 'idempotency-key': key });
  const answer = response.body as CommandAnswer & {
    type?: string;
    fulfilmentClaim?: CommandAnswer;
  };
  const contentType = String(response.headers['content-type'] ?? '');
  if (response.status >= 300) {
    return { key, status: response.status, contentType, problem: answer.type };
  }
  const { position, events, fulfilmentClaim } = answer;
  const handOff = fulfilmentClaim && {
    key: `${key}${HAND_OFF}`,
    status: response.status,
    contentType,
    ...fulfilmentClaim,
  };
  return { key, status: response.status, contentType, position, events, handOff };
}

/**
 * Sends every command at once (in a seeded random order) and answers, for each, its final
 * outcome. A 409 concurrency-conflict is retried with the same key, as a client should: nothing
 * was stored, and the key makes the retry safe. `sent` holds every answer, retries included.
 */
export async function sendAtOnce(
  api: LedgerClient,
  commands: readonly HttpCommand[],
  seed: number,
  maxRounds = 20,
): Promise<{ final: CommandOutcome[]; sent: CommandOutcome[] }> {
  const send = ({ path, body, as, key }: HttpCommand) => sendCommand(api, path, body, as, key);
  const order = shuffled(
    commands.map((_, index) => index),
    seed,
  );
  const final: CommandOutcome[] = new Array<CommandOutcome>(commands.length);
  const sent: CommandOutcome[] = [];
  let pending = order;
  for (let round = 0; round < maxRounds && pending.length > 0; round++) {
    const answers = await Promise.all(pending.map((index) => send(commands[index])));
    sent.push(...answers);
    answers.forEach((answer, i) => (final[pending[i]] = answer));
    pending = pending.filter((index) => isConcurrencyConflict(final[index]));
  }
  return { final, sent };
}

export const isConcurrencyConflict = (outcome: CommandOutcome): boolean =>
  outcome.status === 409 && outcome.problem === 'urn:cohesion-ledger:problem:concurrency-conflict';

export const succeeded = (outcome: CommandOutcome): boolean =>
  outcome.status >= 200 && outcome.status < 300;

/** Refusals counted by status and problem (`{ "422 partner-already-member": 10 }`), for the output. */
export function refusalsByStatus(outcomes: readonly CommandOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes.filter((o) => !succeeded(o))) {
    const label = `${outcome.status} ${(outcome.problem ?? '?').split(':').pop()}`;
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

/** The whole log, business events and access audit alike, in log order. */
export async function readWholeLog(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

const HAND_OFF = ':fulfilment-claim';

/**
 * The Idempotency-Key an event was recorded under: the ledger scopes keys to the principal and
 * the route (the command id derives from all three) and keeps the key as the correlation id; a
 * contribution's hand-off to its commitment is the key with `:fulfilment-claim`.
 */
export function commandKeyOf(event: RecordedEvent): string {
  const { commandId, correlationId } = event.metadata;
  return commandId.endsWith(HAND_OFF) ? `${correlationId}${HAND_OFF}` : correlationId;
}

/**
 * What the log says about each command key, checked against the answers: a key answered 2xx has
 * exactly the events its answer names (ids derived from the key, same types, ending at the
 * answered position), each once; a key only ever refused has none. Returns every mismatch.
 */
export function commandsAgainstLog(
  outcomes: readonly CommandOutcome[],
  log: readonly RecordedEvent[],
): string[] {
  const byCommand = new Map<string, RecordedEvent[]>();
  for (const event of log) {
    const events = byCommand.get(commandKeyOf(event)) ?? [];
    events.push(event);
    byCommand.set(commandKeyOf(event), events);
  }
  const mismatches: string[] = [];
  const answered = outcomes.flatMap((outcome) =>
    outcome.handOff ? [outcome, outcome.handOff] : [outcome],
  );
  const keys = new Set(answered.map((outcome) => outcome.key));
  for (const key of keys) {
    const recorded = byCommand.get(key) ?? [];
    const acknowledged = answered.filter((o) => o.key === key && succeeded(o));
    if (acknowledged.length === 0) {
      if (recorded.length > 0) mismatches.push(`${key}: refused, yet ${recorded.length} events`);
      continue;
    }
    // Every 2xx for one key (a retry) must answer the first result, never a second append.
    const positions = new Set(acknowledged.map((o) => o.position));
    if (positions.size !== 1)
      mismatches.push(`${key}: answered at positions ${JSON.stringify([...positions])}`);
    const [first] = acknowledged;
    const types = first.events ?? [];
    // Ids derive from the one command id the key was scoped to.
    const commandId = recorded[0]?.metadata.commandId ?? key;
    const expectedIds = types.map((_, index) => eventIdFor(commandId, index));
    const lastOf = (events: readonly RecordedEvent[]) =>
      events.length > 0 ? events[events.length - 1].position.toString() : undefined;
    const found = {
      ids: recorded.map((event) => event.id),
      types: recorded.map((event) => event.type),
      last: lastOf(recorded),
    };
    // A contribution that claims a fulfilment answers the position of the last event it caused,
    // the claim's, so that a reader waiting for it sees both.
    const lastWritten = first.handOff ? lastOf(byCommand.get(first.handOff.key) ?? []) : found.last;
    if (
      found.ids.join() !== expectedIds.join() ||
      found.types.join() !== types.join() ||
      (types.length > 0 && lastWritten !== first.position)
    ) {
      mismatches.push(`${key}: answered ${JSON.stringify(first)}, log ${JSON.stringify(found)}`);
    }
  }
  return mismatches;
}

export interface ChainReport {
  readonly streams: number;
  readonly events: number;
  /** Every broken link, hash, revision or position; empty when the log verifies. */
  readonly breaks: readonly string[];
}

/**
 * Recomputes every stream's hash chain from the log, independently of the store: revisions run
 * 0, 1, 2…, each `prevHash` is the hash of the stream's previous event (genesis first), each hash
 * is `hashEvent` of the event, and global positions strictly increase.
 */
export function verifyHashChains(log: readonly RecordedEvent[]): ChainReport {
  const tails = new Map<string, { revision: bigint; hash: string }>();
  const breaks: string[] = [];
  let lastPosition = -1n;
  for (const event of log) {
    const at = `${event.stream}@${event.revision}`;
    if (event.position <= lastPosition)
      breaks.push(`${at}: position ${event.position} not after ${lastPosition}`);
    lastPosition = event.position;
    const tail = tails.get(event.stream) ?? { revision: -1n, hash: GENESIS_HASH };
    if (event.revision !== tail.revision + 1n)
      breaks.push(`${at}: follows revision ${tail.revision}`);
    if (event.prevHash !== tail.hash)
      breaks.push(`${at}: prevHash does not link to its predecessor`);
    if (hashEvent(event) !== event.hash) breaks.push(`${at}: hash does not match its content`);
    tails.set(event.stream, { revision: event.revision, hash: event.hash });
  }
  return { streams: tails.size, events: log.length, breaks };
}

/**
 * Facts that may be recorded only once per aggregate (an acknowledgement per member, a claim per
 * id, one settlement per claim, a join per partner), counted: what a lost concurrency check
 * would let in twice. Returns the facts found more than once.
 */
export function duplicatedFacts(log: readonly RecordedEvent[]): string[] {
  const seen = new Map<string, number>();
  for (const event of log) {
    const fact = onceOnlyFactOf(event);
    if (fact !== undefined) seen.set(fact, (seen.get(fact) ?? 0) + 1);
  }
  return [...seen.entries()].filter(([, count]) => count > 1).map(([fact]) => fact);
}

function onceOnlyFactOf({ stream, type, data }: RecordedEvent): string | undefined {
  switch (type) {
    case 'ContributionAcknowledged':
      return `${stream} acknowledged by ${JSON.stringify(data.acknowledgedBy)}`;
    case 'FulfilmentClaimed':
      return `${stream} claim ${JSON.stringify(data.claimId)}`;
    case 'FulfilmentConfirmed':
    case 'FulfilmentDisputed':
      return `${stream} claim ${JSON.stringify(data.claimId)} settled`;
    case 'PartnerJoined':
      return `${stream} joined by ${JSON.stringify(data.partnerId)}`;
    default:
      return undefined;
  }
}

/** A deterministic shuffle (a seeded LCG), so that a failing order can be replayed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/**
 * Counts the appends the store refused for a stale expected revision (each one retried by the
 * ledger or answered 409): how much contention a run really produced.
 */
export function countAppendConflicts(store: EventStore): { readonly count: number } {
  const counter = { count: 0 };
  const append = store.append.bind(store);
  jest.spyOn(store, 'append').mockImplementation(async (...args) => {
    try {
      return await append(...args);
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) counter.count += 1;
      throw error;
    }
  });
  return counter;
}

/** An administrator enters `partnerId` as a member of the partnership. */
export const joinCommand = (
  partnershipId: string,
  partnerId: string,
  key: string,
): HttpCommand => ({
  key,
  path: `/partnerships/${partnershipId}/partners`,
  body: { partnerId, name: partnerId, kind: 'association', role: 'member', responsibilities: [] },
  as: admin,
});

/** `partnerId` acknowledges the contribution (an administrator may name the partner instead). */
export const acknowledgeCommand = (
  contributionId: string,
  partnerId: string,
  key: string,
  as: Principal = partner(partnerId),
): HttpCommand => ({
  key,
  path: `/contributions/${contributionId}/acknowledgements`,
  body: as.partnerId === undefined ? { partnerId } : {},
  as,
});

/** `m00`, `m01`… partner ids of a crowd. */
export const membersOf = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `m${String(i).padStart(2, '0')}`);

/**
 * Each member joins once; the first ten join again under other keys (second facts, refused),
 * and the next five are retried under the same key (answered once, stored once).
 */
export const joinsOf = (partnershipId: string, members: readonly string[]): HttpCommand[] => [
  ...members.map((m) => joinCommand(partnershipId, m, `join-${partnershipId}-${m}`)),
  ...members.slice(0, 10).map((m) => joinCommand(partnershipId, m, `join-${partnershipId}-${m}-2`)),
  ...members.slice(10, 15).map((m) => joinCommand(partnershipId, m, `join-${partnershipId}-${m}`)),
];

/**
 * The same for acknowledgements of a contribution by `giver`, followed by two that must be
 * refused: the giver's own, and that of a partner who is no member.
 */
export const acknowledgementsOf = (
  contributionId: string,
  members: readonly string[],
): HttpCommand[] => [
  ...members.map((m) => acknowledgeCommand(contributionId, m, `ack-${contributionId}-${m}`)),
  ...members
    .slice(0, 10)
    .map((m) => acknowledgeCommand(contributionId, m, `ack-${contributionId}-${m}-2`)),
  ...members
    .slice(10, 15)
    .map((m) => acknowledgeCommand(contributionId, m, `ack-${contributionId}-${m}`)),
  acknowledgeCommand(contributionId, 'giver', `ack-${contributionId}-self`),
  acknowledgeCommand(contributionId, 'outsider', `ack-${contributionId}-outsider`, admin),
];
