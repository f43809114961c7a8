import { sealEventData } from '@cohesion/application';
import type { KeyStore } from '@cohesion/personal-data';
import { BulkLogWriter } from './bulk-log-writer';
import { type Episode, EpisodeContext } from './episode-context';
import { agreementLife } from './episodes/agreement-episode';
import { commitmentLife, freeContribution } from './episodes/commitment-episodes';
import { conflictCase, longConflictCase } from './episodes/conflict-episodes';
import { feedbackThread, indicatorSeries } from './episodes/impact-episodes';
import {
  changeRole,
  defineValuationPolicy,
  foundPartnership,
  holdMeeting,
  partnerPool,
  reviewObjectives,
  reviseRate,
} from './episodes/partnership-episodes';
import { SeededRandom } from './seeded-random';
import { type SealEvent, SimulatedLedger } from './simulated-ledger';
import { openBenchKeyStore } from './bench-keys';

export interface DomainLogShape {
  readonly events: number;
  /** Events of the one long conflict case (the replay query's subject). */
  readonly longConflictEvents: number;
  readonly seed: number;
  /** Personal fields in clear, as before sealing existed (to measure what sealing costs). */
  readonly inClear?: boolean;
}

export interface DomainLogSummary {
  readonly file: string;
  readonly events: number;
  readonly seconds: number;
  readonly longConflictId: string;
  readonly partnershipIds: readonly string[];
  /** Partners that joined at least one partnership. */
  readonly partnerIds: readonly string[];
  readonly eventTypes: Readonly<Record<string, number>>;
}

/** Storylines in progress at once: their commands interleave in the log as requests would. */
const CONCURRENT_EPISODES = 96;
const PARTNERS = 1_200;
const FIRST_PARTNERSHIPS = 30;
const MAX_PARTNERSHIPS = 250;
/** Left to single-event commands at the end, so that the log has exactly the size asked. */
const FINAL_MARGIN = 16;

/** How often each storyline starts, relative to the others. */
const STORYLINES = {
  commitment: 30,
  contribution: 34,
  agreement: 5,
  conflict: 2.5,
  indicator: 0.6,
  feedback: 9,
  meeting: 8,
  objectives: 1.5,
  role: 0.5,
  partnership: 0.3,
  rate: 0.05,
} as const;

/**
 * Generates a log of the real domain, every command decided by its decider, into a new SQLite
 * store file: partnerships and their partners, objectives, a valuation policy, commitments and
 * the contributions that fulfil them, free contributions, agreements, conflict cases (one of
 * them `longConflictEvents` long), impact indicators and feedback.
 */
export async function generateDomainLog(
  file: string,
  shape: DomainLogShape,
): Promise<DomainLogSummary> {
  const started = process.hrtime.bigint();
  const writer = await BulkLogWriter.create(file);
  const keys = openBenchKeyStore(file);
  try {
    // Every subject's key made in one key-store transaction: one sync, not one per resident.
    return keys.transaction(() => writeDomainLog(file, shape, writer, keys, started));
  } finally {
    keys.close();
  }
}

/** The log generated and written, its personal fields sealed as the API seals them. */
function writeDomainLog(
  file: string,
  shape: DomainLogShape,
  writer: BulkLogWriter,
  keys: KeyStore,
  started: bigint,
): DomainLogSummary {
  const random = new SeededRandom(shape.seed);
  const seal: SealEvent = shape.inClear
    ? (_type, data) => data
    : (type, data, actor) => sealEventData(type, data, actor, keys);
  const ledger = new SimulatedLedger(
    (event) => writer.write(event),
    random,
    START,
    MEAN_STEP_MS,
    seal,
  );
  const context = new EpisodeContext(ledger, random);
  const partners = partnerPool(context, PARTNERS);
  const partnershipIds: string[] = [];
  const joined = new Set<string>();
  let founding = 0;
  // A partnership takes part in other storylines once its partners have joined.
  function* found(): Episode {
    founding += 1;
    const partnershipId = context.nextId('partnership');
    const members = random.sample(partners, random.int(6, 24));
    members.forEach(({ partnerId }) => joined.add(partnerId));
    yield* foundPartnership(context, partnershipId, members);
    partnershipIds.push(partnershipId);
  }
  drain(defineValuationPolicy(context));
  for (let index = 0; index < FIRST_PARTNERSHIPS; index++) drain(found());

  const spawn = (): Episode => {
    const storyline = random.weighted(STORYLINES);
    if (storyline === 'partnership' && founding < MAX_PARTNERSHIPS) return found();
    if (storyline === 'rate') return reviseRate(context);
    const partnershipId = random.pick(partnershipIds);
    // Once every partnership is founded, a founding turns into a meeting.
    return STORYLINE_EPISODES[storyline === 'partnership' ? 'meeting' : storyline](
      context,
      partnershipId,
    );
  };
  let longConflictId: string | undefined;
  const longConflict = longConflictCase(
    context,
    random.pick(partnershipIds),
    shape.longConflictEvents,
    (conflictId) => (longConflictId = conflictId),
  );
  let longConflictDone = false;
  // The chance, at each step, that the long case takes one too: 1.5 × its share of the log's
  // events, so that it runs through about the first two thirds of the log.
  const longConflictPace = Math.min(1, (shape.longConflictEvents * 1.5) / shape.events);
  const episodes = Array.from({ length: CONCURRENT_EPISODES }, spawn);
  while (ledger.size < shape.events - FINAL_MARGIN) {
    const index = Math.floor(random.next() * episodes.length);
    if (episodes[index].next().done) episodes[index] = spawn();
    if (!longConflictDone && random.chance(longConflictPace)) {
      longConflictDone = longConflict.next().done === true;
    }
  }
  if (!longConflictDone || longConflictId === undefined) {
    throw new Error(
      `The log is too small for a conflict case of ${shape.longConflictEvents} events`,
    );
  }
  while (ledger.size < shape.events) drain(holdMeeting(context, random.pick(partnershipIds)));
  writer.close();
  return {
    file,
    events: ledger.size,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    longConflictId,
    partnershipIds,
    partnerIds: [...joined].sort(),
    eventTypes: Object.fromEntries([...ledger.typeCounts].sort(([a], [b]) => a.localeCompare(b))),
  };
}

const START = '2023-01-02T08:00:00.000Z';
/** About three years of activity for a million events. */
const MEAN_STEP_MS = 90_000;

const STORYLINE_EPISODES = {
  commitment: commitmentLife,
  contribution: freeContribution,
  agreement: agreementLife,
  conflict: conflictCase,
  indicator: indicatorSeries,
  feedback: feedbackThread,
  meeting: holdMeeting,
  objectives: reviewObjectives,
  role: changeRole,
} as const;

function drain(episode: Episode): void {
  while (!episode.next().done);
}
