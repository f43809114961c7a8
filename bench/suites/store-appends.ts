import type { NewEvent } from '@cohesion/event-store';
import { contributionRecorded, payloadBytes, streamName } from '../harness/contribution-events';
import { inFlightSample } from '../harness/in-flight';
import { measureInTurns } from '../harness/measure';
import { measurementOf, ratioOf, targetCheck } from '../harness/ratios';
import type { Measurement, Ratio, Suite, SuiteOptions, TargetCheck } from '../harness/types';
import { EMMETT, OURS, RAW } from '../peers/store-under-test';
import { STORES, withFreshStore } from '../peers/systems';
import { DISK, DISK_FSYNC, measureDiskFsync } from './disk-fsync';

const STREAMS = 100;
/** Emmett appends a fifth of the events when appends are in flight (see appendsOf). */
const EMMETT_IN_FLIGHT_SHARE = 5;

interface Scenario {
  readonly name: string;
  readonly eventsPerAppend: number;
  /** Appends pending at once; 1 is sequential. */
  readonly inFlight: number;
}

const SEQUENTIAL = 'append, 1 event per append, sequential';
const BATCHED = 'append, 100 events per append, sequential';
const inFlightName = (inFlight: number) =>
  `append, 1 event per append, ${inFlight.toLocaleString('en-US')} in flight`;

const SCENARIOS: readonly Scenario[] = [
  { name: SEQUENTIAL, eventsPerAppend: 1, inFlight: 1 },
  { name: BATCHED, eventsPerAppend: 100, inFlight: 1 },
  ...[10, 100, 1000].map((inFlight) => ({
    name: inFlightName(inFlight),
    eventsPerAppend: 1,
    inFlight,
  })),
];

interface PlannedAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  /** Events the stream holds before this append (sequential runs check it exactly). */
  readonly known: number;
}

/** The appends of one scenario, made once and replayed on a fresh file by every run of every system. */
function plan(totalEvents: number, eventsPerAppend: number): PlannedAppend[] {
  const lengths = new Array<number>(STREAMS).fill(0);
  return Array.from({ length: totalEvents / eventsPerAppend }, (_, index) => {
    const stream = index % STREAMS;
    const known = lengths[stream];
    lengths[stream] += eventsPerAppend;
    return {
      stream: streamName(stream),
      events: contributionRecorded(index * eventsPerAppend, eventsPerAppend),
      known,
    };
  });
}

/**
 * How many of the appends a system makes: all of them, but for emmett in flight, which queues
 * them one at a time (see NOTES), so that its slow runs do not eat the time budget of the whole
 * benchmark; a rate of events per second does not depend on how many were appended.
 */
function appendsOf(system: string, appends: readonly PlannedAppend[], concurrent: boolean): number {
  return concurrent && system === EMMETT ? appends.length / EMMETT_IN_FLIGHT_SHARE : appends.length;
}

async function measureScenario(
  { name, eventsPerAppend, inFlight }: Scenario,
  totalEvents: number,
  options: SuiteOptions,
): Promise<Measurement[]> {
  options.log(`store-appends: ${name}`);
  const appends = plan(totalEvents, eventsPerAppend);
  const concurrent = inFlight > 1;
  return measureInTurns(
    STORES.map((kind) => ({
      description: { name, system: kind.system, unit: 'events/s', better: 'higher' },
      once: () =>
        withFreshStore(kind, options.scratch, concurrent, (store) =>
          inFlightSample(
            appendsOf(kind.system, appends, concurrent),
            inFlight,
            eventsPerAppend,
            (index) => {
              const { stream, events, known } = appends[index];
              return store.append(stream, events, concurrent ? 'any' : known);
            },
          ),
        ),
    })),
    options,
  );
}

function ratios(measurements: readonly Measurement[]): Ratio[] {
  return [
    ratioOf(measurements, SEQUENTIAL, [OURS, RAW], { atLeast: 0.85 }),
    ratioOf(measurements, SEQUENTIAL, [OURS, EMMETT], { atLeast: 4 }),
    ...SCENARIOS.slice(1).flatMap(({ name }) => [
      ratioOf(measurements, name, [OURS, RAW]),
      ratioOf(measurements, name, [OURS, EMMETT]),
    ]),
  ];
}

/** Sequential single appends as a share of the disk's fsync rate (their physical ceiling). */
function shareOfDisk(measurements: readonly Measurement[], disk: Measurement): Ratio[] {
  return [OURS, RAW].map((system) => ({
    name: `${SEQUENTIAL} ÷ ${DISK_FSYNC}`,
    of: `${system} / ${DISK}`,
    value: measurementOf(measurements, SEQUENTIAL, system).median / disk.median,
  }));
}

function targets(measurements: readonly Measurement[]): TargetCheck[] {
  const hundred = measurementOf(measurements, inFlightName(100), OURS);
  const thousand = measurementOf(measurements, inFlightName(1000), OURS);
  return [
    targetCheck(hundred.name, hundred.median, hundred.unit, { atLeast: 45_000 }),
    targetCheck(`${hundred.name}, p99 latency`, hundred.details?.p99Ms ?? NaN, 'ms', {
      atMost: 6,
    }),
    targetCheck(thousand.name, thousand.median, thousand.unit, { atLeast: 90_000 }),
  ];
}

/**
 * Issue 8, benchmark 1: appends of 10,000 events over 100 streams, WAL + synchronous=FULL, in
 * our store, raw better-sqlite3 and emmett-sqlite, next to the disk's fsync rate.
 */
export const storeAppendsSuite: Suite = async (options) => {
  const totalEvents = options.quick ? 1_000 : 10_000;
  const disk = await measureDiskFsync(options);
  const measurements: Measurement[] = [];
  for (const scenario of SCENARIOS) {
    measurements.push(...(await measureScenario(scenario, totalEvents, options)));
  }
  return {
    suite: 'store-appends',
    setup: {
      events: totalEvents,
      streams: STREAMS,
      payloadBytes: payloadBytes(),
      journalMode: 'WAL',
      synchronous: 'FULL',
      runs: options.runs,
      warmups: options.warmups,
    },
    measurements: [disk, ...measurements],
    ratios: [...ratios(measurements), ...shareOfDisk(measurements, disk)],
    targets: targets(measurements),
    notes: NOTES,
  };
};

const NOTES: readonly string[] = [
  'Each run appends to a new database file; the systems take turns run by run (a warm-up each first), so load on the machine weighs on all alike. Figures are medians of the runs; p50Ms/p99Ms are the latency of one append (call to durable acknowledgement), medians over the runs.',
  `Event: a ContributionRecorded of ${payloadBytes()} bytes of JSON data with its metadata (actor, commandId, correlationId, causationId, schemaVersion, commandFingerprint); event ids are UUIDv5 from the command id, as in the product.`,
  'Sequential runs check expected revisions exactly, as the command handlers do (ours: the exact last revision or no_stream; raw: the stream length read in the transaction; emmett: expectedStreamVersion). Concurrent runs append with no check (ours: expectedRevision any; raw: none; emmett: no expectedStreamVersion), since 10 to 1,000 appends in flight over 100 streams often hit one stream at once.',
  `${RAW}: the same table as ours (columns, UNIQUE constraints, type index) with WAL and synchronous=FULL; per append one IMMEDIATE transaction that reads the stream's last revision, checks it, and inserts the rows with JSON.stringify'd data and metadata. No hash chain (a 64-character constant fills the hash columns), no idempotency lookup, no validation. With appends in flight, raw groups every append waiting when the previous commit ends into one transaction (one fsync), each append checked on its own: the best raw SQLite can do with that many waiting.`,
  `${EMMETT} 0.42.4 on sqlite3 6.0.1: it sets journal_mode=WAL itself and never sets synchronous; this sqlite3 build defaults to FULL in WAL mode (SQLITE_DEFAULT_WAL_SYNCHRONOUS=2), checked at open, so it runs WAL + FULL unchanged. One connection for the whole run (its singleton connection option; by default it opens a connection per operation). With appends in flight they are queued one at a time on that connection (and it appends a fifth of the events, to keep the whole benchmark within its time budget): its connection counts nested transactions, so concurrent appends would join each other's transactions, and with its default connection per operation they livelock on SQLITE_BUSY (300 appends, 10 in flight, did not finish in 60 s).`,
];
