import { contributionRecorded, payloadBytes, streamName } from '../harness/contribution-events';
import { measureInTurns, timed } from '../harness/measure';
import { ratioOf } from '../harness/ratios';
import type { Measurement, Ratio, Suite, SuiteOptions } from '../harness/types';
import { EMMETT, OURS, RAW, type StoreUnderTest } from '../peers/store-under-test';
import { type FreshStore, openFreshStore, STORES } from '../peers/systems';

const LOG_EVENTS = 10_000;
const EVENTS_PER_APPEND = 100;
const STREAM_EVENTS = 1_000;
/** The stream read; every tenth append of the log goes to it, so its events are spread out. */
const READ_STREAM = 'contribution-read';
const EVERY_TENTH = LOG_EVENTS / STREAM_EVENTS;

const STREAM_READ = `read a ${STREAM_EVENTS.toLocaleString('en-US')}-event stream to its end`;
const LOG_SCAN = `scan the whole ${LOG_EVENTS.toLocaleString('en-US')}-event log`;

interface Read {
  readonly name: string;
  readonly events: number;
  /** Reads per run, so that a run lasts long enough to time. */
  readonly repeats: number;
  readonly read: (store: StoreUnderTest) => Promise<number>;
}

const READS: readonly Read[] = [
  { name: STREAM_READ, events: STREAM_EVENTS, repeats: 10, read: (s) => s.readStream(READ_STREAM) },
  { name: LOG_SCAN, events: LOG_EVENTS, repeats: 2, read: (s) => s.readAll() },
];

/** 10,000 events in appends of 100: every tenth to the stream read, the others to streams of their own. */
async function fillLog(store: StoreUnderTest): Promise<void> {
  const appends = LOG_EVENTS / EVENTS_PER_APPEND;
  let readStreamLength = 0;
  for (let index = 0; index < appends; index += 1) {
    const events = contributionRecorded(index * EVENTS_PER_APPEND, EVENTS_PER_APPEND);
    if (index % EVERY_TENTH === 0) {
      await store.append(READ_STREAM, events, readStreamLength);
      readStreamLength += EVENTS_PER_APPEND;
    } else {
      await store.append(streamName(index), events, 0);
    }
  }
}

function measureRead(
  { name, events, repeats, read }: Read,
  stores: readonly { system: string; store: StoreUnderTest }[],
  options: SuiteOptions,
): Promise<Measurement[]> {
  options.log(`store-reads: ${name}`);
  return measureInTurns(
    stores.map(({ system, store }) => ({
      description: { name, system, unit: 'events/s', better: 'higher' },
      once: async () => {
        const seconds = await timed(async () => {
          for (let index = 0; index < repeats; index += 1) {
            const count = await read(store);
            if (count !== events) throw new Error(`${system}: ${name} read ${count} events`);
          }
        });
        return {
          value: (events * repeats) / seconds,
          details: { msPerRead: (seconds * 1000) / repeats },
        };
      },
    })),
    options,
  );
}

function ratios(measurements: readonly Measurement[]): Ratio[] {
  return [
    ratioOf(measurements, STREAM_READ, [OURS, RAW], { atLeast: 0.8 }),
    ratioOf(measurements, STREAM_READ, [OURS, EMMETT]),
    ratioOf(measurements, LOG_SCAN, [OURS, RAW]),
    ratioOf(measurements, LOG_SCAN, [OURS, EMMETT]),
  ];
}

/**
 * Issue 8, benchmark 2: reading one 1,000-event stream to its end and scanning a 10,000-event
 * log, in our store, raw better-sqlite3 and emmett-sqlite, each on a log it wrote itself.
 */
export const storeReadsSuite: Suite = async (options) => {
  const opened: (FreshStore & { system: string })[] = [];
  try {
    for (const kind of STORES) {
      const fresh = await openFreshStore(kind, options.scratch, false);
      opened.push({ ...fresh, system: kind.system });
      await fillLog(fresh.store);
    }
    const measurements: Measurement[] = [];
    for (const read of READS) measurements.push(...(await measureRead(read, opened, options)));
    return {
      suite: 'store-reads',
      setup: {
        logEvents: LOG_EVENTS,
        streamEvents: STREAM_EVENTS,
        payloadBytes: payloadBytes(),
        journalMode: 'WAL',
        synchronous: 'FULL',
        runs: options.runs,
        warmups: options.warmups,
      },
      measurements,
      ratios: ratios(measurements),
      targets: [],
      notes: NOTES,
    };
  } finally {
    for (const { dispose } of opened) await dispose();
  }
};

const NOTES: readonly string[] = [
  `Each system reads a log it wrote itself (10,000 events appended 100 at a time; every tenth append goes to the stream read). A run reads the stream ${READS[0].repeats} times, or the log ${READS[1].repeats} times, and checks the count; msPerRead is one read. The systems take turns run by run.`,
  `${OURS}: readStream and readAll async iterables (pages of 256 rows; every row's CRC-32 checksum is checked and its data and metadata parsed before it is served, since SQLite has no page checksums).`,
  `${RAW}: one SELECT of the stream (.all()) or of the log in position order (.iterate()), JSON.parse of data and metadata per row, as any reader needs; no hash check.`,
  `${EMMETT}: its readStream (one query for the whole stream) and its global read readMessagesBatch in pages of 256 after a position, both parse data and metadata.`,
];
