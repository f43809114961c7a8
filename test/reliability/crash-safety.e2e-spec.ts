import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { type RecordedEvent, SqliteEventStore } from '@cohesion/event-store';
import {
  ALL_PROJECTORS,
  digestOfTables,
  openReadModelDatabase,
  ProjectionRunner,
} from '@cohesion/projections';
import { READ_MODELS_FILE, SQLITE_EVENT_STORE_FILE } from '@cohesion/application';
import {
  type ChildLedger,
  type CompiledLedger,
  compileLedgerApi,
  type HttpAnswer,
  startChildLedger,
} from '../support/child-ledger';
import { admin, partner, type Principal } from '../support/ledger-client';
import { inPartnership } from '../support/partnership-fixtures';
import {
  commandKeyOf,
  type CommandOutcome,
  commandsAgainstLog,
  succeeded,
  verifyHashChains,
} from '../support/reliability-fixtures';

/**
 * Crash safety: the real API in a child process, driven at full speed by a few clients, killed
 * with SIGKILL at random moments, round after round, on one data directory. After each restart,
 * every command answered 2xx is in the log exactly once, the log verifies row by row, and the
 * read models catch up to what a full rebuild from the log gives. `ROUNDS` sets the number of
 * kills (npm run test:soak runs many more); `CRASH_SEED` replays the kill moments of a run.
 */
const ROUNDS = Number(process.env.ROUNDS ?? 6);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CLIENTS = 4;
const PARTNERSHIP = 'crash';
const PARTNERS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
/** How long the clients run before the kill: from barely started to well into the load. */
const KILL_AFTER_MS = fc.sample(fc.noBias(fc.integer({ min: 50, max: 1500 })), {
  seed: SEED,
  numRuns: ROUNDS,
});
const CAUGHT_UP_TIMEOUT_MS = 30_000;
const ALL_TABLES = ALL_PROJECTORS.flatMap((projector) => projector.tables);

/** A command as sent: resent unchanged, under the same key, when its answer was lost. */
interface Command {
  readonly key: string;
  readonly path: string;
  readonly body: object;
  readonly as: Principal;
  /** For a contribution: its id (as recorded) and contributor, to acknowledge it once recorded. */
  readonly records?: { readonly id: string; readonly by: string };
}

describe('crash safety: kill -9 at random moments, restart, nothing acknowledged lost', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-crash-'));
  const eventsFile = join(dataDir, SQLITE_EVENT_STORE_FILE);
  let compiled: CompiledLedger;
  let child: ChildLedger | undefined;
  let commandNumber = 0;
  /** The final answer to every command whose answer arrived (a lost one is resent until it does). */
  const outcomes: CommandOutcome[] = [];
  /** In flight when the process died: the client does not know what happened to them. */
  let unanswered: Command[] = [];
  /** Recorded contributions and the members still to acknowledge them. */
  const toAcknowledge: { id: string; by: string }[] = [];
  const serverErrors: string[] = [];
  const figures = { sent: 0, unanswered: 0, restartsMs: [] as number[], events: 0 };

  beforeAll(async () => {
    compiled = await compileLedgerApi();
  }, 120_000);
  afterAll(async () => {
    await child?.kill();
    compiled?.remove();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const nextKey = () => `crash-${SEED}-${++commandNumber}`;

  async function start(): Promise<ChildLedger> {
    const started = Date.now();
    // One client sends thousands of requests here: the per-client rate limit is not under test.
    child = await startChildLedger(compiled, dataDir, { LEDGER_RATE_LIMIT_PER_MINUTE: '1000000' });
    figures.restartsMs.push(Date.now() - started);
    return child;
  }

  /** Sends a command and keeps its outcome; false when the answer was lost with the process. */
  async function send(ledger: ChildLedger, command: Command): Promise<boolean> {
    let answer: HttpAnswer;
    try {
      answer = await ledger.post(command.path, command.body, command.as, command.key);
    } catch {
      unanswered.push(command);
      return false;
    }
    // 503: the store or the read models were not ready; nothing is acknowledged, so resend.
    if (answer.status === 503) {
      unanswered.push(command);
      return true;
    }
    if (answer.status >= 500) serverErrors.push(`${command.path}: ${answer.status}`);
    const body = answer.body as { position?: string; events?: string[]; type?: string };
    outcomes.push({
      key: command.key,
      status: answer.status,
      contentType: answer.contentType,
      ...(answer.status < 300
        ? { position: body.position, events: body.events }
        : { problem: body.type }),
    });
    if (answer.status < 300 && command.records) {
      toAcknowledge.push(
        ...PARTNERS.filter((p) => p !== command.records?.by).map((p) => ({
          id: command.records?.id ?? '',
          by: p,
        })),
      );
    }
    return true;
  }

  /** Every other command acknowledges a recorded contribution; the others record new ones. */
  function nextCommand(client: number): Command {
    const key = nextKey();
    const acknowledgement = commandNumber % 2 === 0 ? toAcknowledge.shift() : undefined;
    if (acknowledgement) {
      return {
        key,
        path: `/contributions/${acknowledgement.id}/acknowledgements`,
        body: { note: `Thanks, from ${acknowledgement.by}` },
        as: partner(acknowledgement.by),
      };
    }
    const by = PARTNERS[(client + commandNumber) % PARTNERS.length];
    const id = `c-${SEED}-${commandNumber}`;
    return {
      key,
      path: '/contributions',
      body: {
        contributionId: id,
        partnershipId: PARTNERSHIP,
        kind: 'volunteer_time',
        quantity: 1 + (commandNumber % 9),
        unit: 'hours',
        date: '2026-02-20',
        description: 'Homework club',
      },
      as: partner(by),
      records: { id: inPartnership(PARTNERSHIP, id), by },
    };
  }

  /** A client at full speed: one command after another until its connection dies. */
  async function client(ledger: ChildLedger, number: number, killed: () => boolean) {
    while (!killed()) {
      figures.sent += 1;
      if (!(await send(ledger, nextCommand(number)))) return;
    }
  }

  /** After a restart: lost answers are asked for again, then the log and read models checked. */
  async function recoverAndVerify(ledger: ChildLedger, round: number): Promise<void> {
    await readModelsCaughtUp(ledger);
    const lost = unanswered;
    unanswered = [];
    figures.unanswered += lost.length;
    for (const command of lost) await send(ledger, command);
    // A live ledger answers every resend (what it answers is checked against the log below).
    expect(unanswered.map((command) => command.key)).toEqual([]);
    await readModelsCaughtUp(ledger);
    const { log, unreadable } = readLogFile(eventsFile);
    figures.events = log.length;
    expect({ round, unreadable }).toEqual({ round, unreadable: [] });
    expect({ round, breaks: verifyHashChains(log).breaks }).toEqual({ round, breaks: [] });
    expect({ round, gaps: positionGaps(log) }).toEqual({ round, gaps: [] });
    expect({ round, mismatches: commandsAgainstLog(outcomes, log) }).toEqual({
      round,
      mismatches: [],
    });
    expect({ round, lost: lostCommands(outcomes, log) }).toEqual({ round, lost: [] });
    const { live, rebuilt } = await readModelsAgainstRebuild(dataDir);
    expect({ round, live }).toEqual({ round, live: rebuilt });
  }

  it(
    'keeps every acknowledged command, exactly once, across kill -9 and restart',
    async () => {
      let ledger = await start();
      await foundPartnership(ledger, nextKey);
      for (let round = 0; round < ROUNDS; round++) {
        let killed = false;
        const clients = Array.from({ length: CLIENTS }, (_, n) => client(ledger, n, () => killed));
        await sleep(KILL_AFTER_MS[round]);
        killed = true;
        await ledger.kill('SIGKILL');
        await Promise.all(clients);
        ledger = await start();
        await recoverAndVerify(ledger, round);
      }
      await ledger.kill('SIGTERM');
      // Once more with the process stopped, as an operator would check the files.
      const { live, rebuilt } = await readModelsAgainstRebuild(dataDir);
      expect(live).toEqual(rebuilt);
      expect(serverErrors).toEqual([]);

      const acknowledged = outcomes.filter(succeeded).length;
      const restarts = figures.restartsMs;
      console.log(
        `crash safety (seed ${SEED}): ${ROUNDS} rounds of kill -9 after ${KILL_AFTER_MS.join('/')} ms; ` +
          `${figures.sent} commands sent, ${acknowledged} acknowledged (2xx), ` +
          `${outcomes.length - acknowledged} refused, ${figures.unanswered} in flight at a kill and resent, ` +
          `lost acknowledged commands: ${lostCommands(outcomes, readLogFile(eventsFile).log).length}; ` +
          `${figures.events} events; restart ${Math.min(...restarts)}–${Math.max(...restarts)} ms`,
      );
    },
    60_000 + ROUNDS * 20_000,
  );
});

/** The partnership the clients work in, founded (as the administrator) before the first kill. */
async function foundPartnership(ledger: ChildLedger, key: () => string): Promise<void> {
  const ok = async (answer: Promise<HttpAnswer>) => expect((await answer).status).toBe(201);
  await ok(
    ledger.post(
      '/partnerships',
      {
        partnershipId: PARTNERSHIP,
        name: 'Crash test partnership',
        purpose: 'Survive kill -9',
        territory: 'Northside',
        neighbourhoods: ['Les Tilleuls'],
      },
      admin,
      key(),
    ),
  );
  for (const partnerId of PARTNERS) {
    const body = {
      partnerId,
      name: partnerId,
      kind: 'association',
      role: 'member',
      responsibilities: ['tutoring'],
    };
    await ok(ledger.post(`/partnerships/${PARTNERSHIP}/partners`, body, admin, key()));
  }
}

/** Waits until /health/details says every read model has applied the whole log. */
async function readModelsCaughtUp(ledger: ChildLedger): Promise<void> {
  const deadline = Date.now() + CAUGHT_UP_TIMEOUT_MS;
  let last: unknown;
  while (Date.now() < deadline) {
    const health = await ledger.get('/health/details', admin);
    last = health.body;
    const projections = (
      health.body as { info?: { readModels?: { projections?: Record<string, { lag: string }> } } }
    ).info?.readModels?.projections;
    if (
      health.status === 200 &&
      projections &&
      Object.values(projections).every((p) => p.lag === '0')
    ) {
      return;
    }
    await sleep(50);
  }
  throw new Error(`read models did not catch up: ${JSON.stringify(last)}`);
}

/**
 * Every row of the event table, read with a plain read-only connection (not the store, whose
 * own checks are under test elsewhere): rows whose data or metadata do not parse are listed.
 */
function readLogFile(file: string): { log: RecordedEvent[]; unreadable: string[] } {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT * FROM events ORDER BY position').safeIntegers(true).all() as {
      position: bigint;
      id: string;
      stream: string;
      revision: bigint;
      type: string;
      data: string;
      metadata: string;
      prev_hash: string;
      hash: string;
    }[];
    const log: RecordedEvent[] = [];
    const unreadable: string[] = [];
    for (const row of rows) {
      try {
        const { prev_hash: prevHash, data, metadata, ...rest } = row;
        log.push({
          ...rest,
          prevHash,
          data: JSON.parse(data) as RecordedEvent['data'],
          metadata: JSON.parse(metadata) as RecordedEvent['metadata'],
        });
      } catch (error) {
        unreadable.push(`position ${row.position}: ${String(error)}`);
      }
    }
    return { log, unreadable };
  } finally {
    db.close();
  }
}

/** Positions run 1, 2, 3… without a hole: a half-written append would leave one. */
function positionGaps(log: readonly RecordedEvent[]): string[] {
  return log.flatMap((event, index) =>
    event.position === BigInt(index + 1) ? [] : [`${event.position} at index ${index}`],
  );
}

/** Keys answered 2xx of which the log holds no event. */
function lostCommands(
  outcomes: readonly CommandOutcome[],
  log: readonly RecordedEvent[],
): string[] {
  const recorded = new Set(log.map(commandKeyOf));
  return outcomes
    .filter((outcome) => succeeded(outcome) && (outcome.events ?? []).length > 0)
    .map((outcome) => outcome.key)
    .filter((key) => !recorded.has(key));
}

/**
 * The digest of the node's read models, and of read models rebuilt from scratch, in this
 * process, from a consistent copy of its log (SQLite's backup, safe while the node runs).
 */
async function readModelsAgainstRebuild(dataDir: string) {
  const copy = mkdtempSync(join(tmpdir(), 'ledger-crash-copy-'));
  try {
    const source = new Database(join(dataDir, SQLITE_EVENT_STORE_FILE), { readonly: true });
    await source.backup(join(copy, SQLITE_EVENT_STORE_FILE)).finally(() => source.close());
    const store = new SqliteEventStore({ file: join(copy, SQLITE_EVENT_STORE_FILE) });
    const rebuiltDb = openReadModelDatabase(':memory:');
    const runner = new ProjectionRunner(store, rebuiltDb, ALL_PROJECTORS);
    try {
      const head = await store.headPosition();
      runner.start();
      expect(await runner.waitFor(head, CAUGHT_UP_TIMEOUT_MS)).toBe(true);
      const node = new Database(join(dataDir, READ_MODELS_FILE), { readonly: true });
      try {
        const checkpoints = node.prepare('SELECT name, position FROM projection_checkpoints').all();
        const everyAtHead = (checkpoints as { position: number }[]).every(
          (checkpoint) => BigInt(checkpoint.position) === head,
        );
        return {
          live: { everyAtHead, digest: digestOfTables(node, ALL_TABLES) },
          rebuilt: { everyAtHead: true, digest: digestOfTables(rebuiltDb, ALL_TABLES) },
        };
      } finally {
        node.close();
      }
    } finally {
      runner.stop();
      await store.close();
      rebuiltDb.close();
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
