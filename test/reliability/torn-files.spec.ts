import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  CorruptedStoreError,
  eventIdFor,
  type RecordedEvent,
  SqliteEventStore,
} from '@cohesion/event-store';
import { verifyHashChains } from '../support/reliability-fixtures';

/**
 * Torn and damaged copies of the embedded store (`events.sqlite` and its `-wal`): the store must
 * open with a valid prefix of the log (every event served equal to the one written) or refuse
 * with a CorruptedStoreError naming the file and the damage. Never a damaged event served.
 */
const SEED = Number(process.env.TORN_SEED ?? 20_261_106);
const RANDOM_CASES = Number(process.env.TORN_CASES ?? 300);
/** Appends checkpointed into the database file, then appends left in the WAL. */
const APPENDS_IN_FILE = 120;
const APPENDS_IN_WAL = 60;
const STREAMS = 24;
/** The unit a disk writes atomically, or tears. */
const SECTOR = 512;

/** What one damaged copy did when opened and read completely. */
type Outcome = 'refused at open' | 'complete' | 'prefix, then refused';

interface Snapshot {
  readonly directory: string;
  readonly file: string;
  readonly wal: Buffer;
  readonly log: readonly RecordedEvent[];
  /** Events whose pages live in the database file (the rest only in the WAL). */
  readonly inFile: number;
}

describe('torn files: a damaged SQLite store opens with a valid prefix or refuses', () => {
  let snapshot: Snapshot;
  let caseNumber = 0;
  const tally = new Map<string, number>();

  beforeAll(async () => {
    snapshot = await writeSnapshot();
    const { breaks } = verifyHashChains(snapshot.log);
    expect(breaks).toEqual([]);
  });
  afterAll(() => {
    rmSync(snapshot.directory, { recursive: true, force: true });
    const figures = [...tally].map(([what, count]) => `${what}: ${count}`).join(', ');
    console.log(
      `torn files: ${snapshot.log.length} events (${snapshot.inFile} in the file, the rest in a ${snapshot.wal.length}-byte WAL), seed ${SEED}; ${figures}`,
    );
  });

  /** A copy of the snapshot, damaged by `damage`, in a directory of its own. */
  function damagedCopy(damage: (files: { db: string; wal: string }) => void): string {
    const directory = join(snapshot.directory, `case-${++caseNumber}`);
    const db = join(directory, 'events.sqlite');
    mkdirSync(directory);
    copyFileSync(snapshot.file, db);
    writeFileSync(`${db}-wal`, snapshot.wal);
    damage({ db, wal: `${db}-wal` });
    return db;
  }

  /**
   * Opens and reads the copy through the store (the whole log, then every stream), checking that
   * whatever is served is the log as written, and that any refusal is a CorruptedStoreError that
   * names the file. Returns the outcome and the events served by the whole-log read.
   */
  async function openAndRead(file: string, kind: string) {
    const record = (outcome: Outcome) => {
      const key = `${kind} → ${outcome}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
      return outcome;
    };
    let store: SqliteEventStore;
    try {
      store = new SqliteEventStore({ file });
    } catch (error) {
      expectNamedDamage(error, file);
      return { outcome: record('refused at open'), served: [], error };
    }
    try {
      const { served, error } = await collect(store.readAll());
      expectPrefixOfLog(served);
      if (error !== undefined) {
        expectNamedDamage(error, file);
        return { outcome: record('prefix, then refused'), served, error };
      }
      for (const stream of new Set(snapshot.log.map((event) => event.stream))) {
        const read = await collect(store.readStream(stream));
        if (read.error !== undefined) expectNamedDamage(read.error, file);
        const written = snapshot.log.filter((event) => event.stream === stream);
        expect(read.served).toEqual(written.slice(0, read.served.length));
        // The whole-log read served all the stream's events: so must the stream read.
        const servedOfStream = served.filter((event) => event.stream === stream).length;
        if (read.error === undefined) expect(read.served.length).toBe(servedOfStream);
      }
      return { outcome: record('complete'), served, error: undefined };
    } finally {
      await store.close();
    }
  }

  function expectPrefixOfLog(served: readonly RecordedEvent[]): void {
    expect(served).toEqual(snapshot.log.slice(0, served.length));
  }

  // fast-check's integers lean towards their bounds: the headers and the tails get hit often.
  it('replays a WAL cut anywhere up to its last whole commit, never a torn one', async () => {
    const frames = fc.sample(fc.integer({ min: 0, max: snapshot.wal.length - 1 }), {
      seed: SEED,
      numRuns: 40,
    });
    let longest = 0;
    for (const cut of [0, 32, snapshot.wal.length - 1, ...frames]) {
      const file = damagedCopy(({ wal }) => truncateSync(wal, cut));
      const { outcome, served } = await openAndRead(file, 'WAL truncated');
      expect(outcome).toBe('complete');
      expect(served.length).toBeGreaterThanOrEqual(snapshot.inFile);
      longest = Math.max(longest, served.length);
    }
    // A cut just before the end loses the last commit (one append), and only it.
    const lastCommand = snapshot.log[snapshot.log.length - 1].metadata.commandId;
    const lastAppend = snapshot.log.filter((event) => event.metadata.commandId === lastCommand);
    expect(longest).toBe(snapshot.log.length - lastAppend.length);
  });

  it('ignores a garbled WAL frame and every frame after it', async () => {
    const offsets = fc.sample(fc.integer({ min: 0, max: snapshot.wal.length - 1 }), {
      seed: SEED + 1,
      numRuns: 40,
    });
    for (const offset of offsets) {
      const file = damagedCopy(({ wal }) => flipByte(wal, offset));
      const { outcome, served } = await openAndRead(file, 'WAL garbled');
      expect(outcome).toBe('complete');
      expect(served.length).toBeGreaterThanOrEqual(snapshot.inFile);
    }
  });

  it.each([
    [
      'a digit of its data changed (still valid JSON)',
      (row: string) => row.replace('"quantity":12', '"quantity":92'),
    ],
    [
      'its data no longer JSON',
      (row: string) => row.replace('{"contributionId":', '{"contributionId";'),
    ],
    [
      'its stored hash changed',
      (row: string) =>
        row.replace(
          /[0-9a-f]{64}$/,
          (hash) => `${hash.slice(0, -1)}${hash.endsWith('0') ? '1' : '0'}`,
        ),
    ],
  ])('refuses an event row with %s, naming its stream, revision and position', async (_, edit) => {
    const victim = snapshot.log[17];
    const file = damagedCopy(({ db }) => editRow(db, victim, edit));
    const { outcome, served, error } = await openAndRead(file, 'event row garbled');
    expect(outcome).toBe('prefix, then refused');
    // The events before it may be served (a page is refused as a whole), never it or later ones.
    expect(served.length).toBeLessThan(Number(victim.position));
    expect(String(error)).toContain(
      `event at position ${victim.position} (stream ${victim.stream}, revision ${victim.revision}) is damaged`,
    );
  });

  it('refuses a database file cut short, naming the damage', async () => {
    const size = readFileSync(snapshot.file).length;
    const file = damagedCopy(({ db, wal }) => {
      truncateSync(db, Math.floor(size / 2));
      truncateSync(wal, 0);
    });
    const { outcome, error } = await openAndRead(file, 'file truncated');
    expect(outcome).not.toBe('complete');
    expect(String(error)).toMatch(/damage/);
  });

  it(
    'opens with a valid prefix or refuses, whichever byte or sector of the file is garbled',
    async () => {
      const size = readFileSync(snapshot.file).length;
      const offsets = fc.sample(fc.integer({ min: 0, max: size - 1 }), {
        seed: SEED + 2,
        numRuns: RANDOM_CASES,
      });
      const failures: string[] = [];
      for (const [index, offset] of offsets.entries()) {
        // A flipped byte (bit rot), or a zeroed sector (a torn page write): half the cases each.
        const [kind, damage] =
          index % 2 === 0
            ? [`byte ${offset} flipped`, (db: string) => flipByte(db, offset)]
            : [
                `sector at ${offset - (offset % SECTOR)} zeroed`,
                (db: string) => zeroSector(db, offset),
              ];
        // Without the WAL, so that no newer copy of the garbled page hides the damage.
        const file = damagedCopy(({ db, wal }) => {
          damage(db);
          truncateSync(wal, 0);
        });
        await openAndRead(file, `file ${kind.split(' ')[0]} garbled`).catch((error: unknown) => {
          failures.push(`${kind} (of ${size} bytes): ${String(error)}`);
        });
      }
      expect(failures).toEqual([]);
    },
    // A soak may ask for thousands of cases (TORN_CASES): ~10 ms each, more on a busy machine.
    30_000 + 50 * RANDOM_CASES,
  );
});

/** A log of contributions and acknowledgements, part checkpointed into the file, part in the WAL. */
async function writeSnapshot(): Promise<Snapshot> {
  const directory = mkdtempSync(join(tmpdir(), 'ledger-torn-'));
  const file = join(directory, 'pristine', 'events.sqlite');
  const appendAll = async (from: number, to: number) => {
    const store = new SqliteEventStore({ file });
    for (let n = from; n < to; n++) {
      const commandId = `command-${n}`;
      const events = Array.from({ length: 1 + (n % 3) }, (_, index) => ({
        id: eventIdFor(commandId, index),
        type: index === 0 ? 'ContributionRecorded' : 'ContributionAcknowledged',
        data: {
          contributionId: `c-${n}`,
          quantity: 12,
          unit: 'hours',
          // Makes every event's data unique: editRow finds the row by it.
          note: `marker ${n}/${index}`,
        },
        metadata: {
          actor: { sub: 'acme-officer', partnerId: 'acme', roles: ['partner'] },
          commandId,
          correlationId: commandId,
          causationId: commandId,
          schemaVersion: 1,
        },
      }));
      await store.append(`contribution-${n % STREAMS}`, events, { expectedRevision: 'any' });
    }
    return store;
  };
  // Closing the last connection checkpoints the WAL into the file.
  await (await appendAll(0, APPENDS_IN_FILE)).close();
  const store = await appendAll(APPENDS_IN_FILE, APPENDS_IN_FILE + APPENDS_IN_WAL);
  // Copied while the store is open and idle: the file and the WAL as a crash would leave them.
  const wal = readFileSync(`${file}-wal`);
  const pristine = join(directory, 'events.sqlite');
  copyFileSync(file, pristine);
  const { served: log } = await collect(store.readAll());
  await store.close();
  const inFile = log.filter(
    (event) => Number(event.metadata.commandId.split('-')[1]) < APPENDS_IN_FILE,
  ).length;
  return { directory, file: pristine, wal, log, inFile };
}

/** Reads until the end or the first error, keeping what was served before it. */
async function collect(events: AsyncIterable<RecordedEvent>) {
  const served: RecordedEvent[] = [];
  try {
    for await (const event of events) served.push(event);
    return { served, error: undefined };
  } catch (error) {
    return { served, error };
  }
}

function expectNamedDamage(error: unknown, file: string): void {
  expect(error).toBeInstanceOf(CorruptedStoreError);
  expect((error as Error).message).toContain(file);
}

function zeroSector(path: string, offset: number): void {
  const bytes = readFileSync(path);
  const start = offset - (offset % SECTOR);
  bytes.fill(0, start, start + SECTOR);
  writeFileSync(path, bytes);
}

function flipByte(path: string, offset: number): void {
  const bytes = readFileSync(path);
  bytes[offset] ^= 0xff;
  writeFileSync(path, bytes);
}

/**
 * Edits the bytes of one event row in place, same length, found by its unique data: the damage a
 * bad sector or a torn page write leaves, which SQLite itself does not notice.
 */
function editRow(path: string, event: RecordedEvent, edit: (row: string) => string): void {
  const bytes = readFileSync(path);
  const start = bytes.indexOf(Buffer.from(JSON.stringify(event.data)));
  expect(start).toBeGreaterThan(0);
  // The row's data, metadata, prev_hash and hash follow one another in the record.
  const end = bytes.indexOf(Buffer.from(event.hash), start) + event.hash.length;
  const row = bytes.subarray(start, end);
  const edited = Buffer.from(edit(row.toString('latin1')), 'latin1');
  expect(edited.length).toBe(row.length);
  expect(edited.equals(row)).toBe(false);
  edited.copy(row);
  writeFileSync(path, bytes);
}
