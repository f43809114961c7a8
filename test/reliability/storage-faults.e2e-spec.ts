import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { RecordedEvent } from '@cohesion/event-store';
import type request from 'supertest';
import { EventStoreDbStandIn } from '../event-store/eventstoredb-stand-in';
import { acceptedCommitment, partnershipWith } from '../support/commitments-fixtures';
import {
  type FaultMoment,
  type FaultyLedger,
  type StoreCall,
  startFaultyLedger,
} from '../support/faulty-event-store';
import { startTestLedger } from '../support/ledger-app';
import { commandKeyOf } from '../support/reliability-fixtures';
import {
  ACCESS_AUDIT_STREAM_PREFIX,
  admin,
  expectProblem,
  ledgerClient,
  type LedgerClient,
  partner,
  type Principal,
} from '../support/ledger-client';

/*
 * Storage faults (issue 6, suite 4). The ledger runs on a store that fails the calls it is told
 * to (the Nth once, every call, after the write), on a real SQLite disk made full, behind a real
 * lock, and closed. Whatever fails: nothing is acknowledged, no event is half-recorded, the API
 * answers 503 problem+json, and a retry with the same Idempotency-Key records the command once.
 */

const PARTNERSHIP = 'faults';
const [ACME, SOS] = ['acme', 'sos'];

interface Figures {
  faultsInjected: number;
  requests: number;
  unavailable: number;
  acknowledged: number;
  duplicates: number;
}

interface Command {
  readonly path: string;
  readonly body: object;
  readonly as: Principal;
  readonly key: string;
}

/** How many appends of a flow committed when its `n`th call failed at `moment`. */
function committedBefore(calls: readonly StoreCall[], n: number, moment: FaultMoment): number {
  const earlier = calls.slice(0, n - 1).filter((call) => call === 'append').length;
  return earlier + (moment === 'after' ? 1 : 0);
}

describe('reliability: storage faults', () => {
  let ledger: FaultyLedger;
  let api: LedgerClient;
  const figures: Figures = {
    faultsInjected: 0,
    requests: 0,
    unavailable: 0,
    acknowledged: 0,
    duplicates: 0,
  };
  let serial = 0;
  const nextKey = (what: string) => `${what}-${(serial += 1).toString().padStart(4, '0')}`;

  beforeAll(async () => {
    ledger = await startFaultyLedger({ LEDGER_RATE_LIMIT_PER_MINUTE: '1000000' });
    api = ledgerClient(ledger);
    await partnershipWith(api, PARTNERSHIP, [ACME, SOS]);
  });

  afterAll(async () => {
    figures.faultsInjected += ledger.faulty.faultsInjected;
    console.log(`storage faults: ${JSON.stringify(figures)}`);
    await ledger.close();
  });

  /** Sends a command; a 503 must be the storage problem, with a Retry-After. */
  async function send({ path, body, as, key }: Command): Promise<request.Response> {
    figures.requests += 1;
    const response = await api.post(path, body, as, { 'idempotency-key': key });
    if (response.status === 503) {
      figures.unavailable += 1;
      expectProblem(response, 503, 'storage-unavailable');
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
    if (response.status < 300) figures.acknowledged += 1;
    return response;
  }

  /** The business events of the log, read from the real store underneath the faults. */
  async function businessLog(): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of ledger.store.readAll()) {
      if (!event.stream.startsWith(ACCESS_AUDIT_STREAM_PREFIX)) events.push(event);
    }
    return events;
  }

  /** The events appended since `before`, as `key type` lines (see `commandKeyOf`). */
  async function appendedSince(before: readonly RecordedEvent[]): Promise<string[]> {
    const log = await businessLog();
    expect(log.slice(0, before.length)).toEqual(before);
    return log.slice(before.length).map((event) => `${commandKeyOf(event)} ${event.type}`);
  }

  /** Counts events whose command id occurs more often in the log than the command recorded. */
  async function countDuplicates(): Promise<number> {
    const perCommand = new Map<string, number>();
    for (const { metadata, type, stream } of await businessLog()) {
      const key = `${stream} ${metadata.commandId} ${type}`;
      perCommand.set(key, (perCommand.get(key) ?? 0) + 1);
    }
    return [...perCommand.values()].reduce((sum, count) => sum + count - 1, 0);
  }

  const contribution = (key: string, extra: object = {}): Command => ({
    path: '/contributions',
    body: {
      contributionId: key,
      partnershipId: PARTNERSHIP,
      kind: 'volunteer_time',
      quantity: 2,
      unit: 'hours',
      date: '2026-02-20',
      description: 'Mentoring session',
      ...extra,
    },
    as: partner(ACME),
    key,
  });

  /** The calls the command makes on the store when nothing fails (it is then recorded). */
  async function callsOf(command: Command): Promise<StoreCall[]> {
    ledger.faulty.recordCalls();
    expect((await send(command)).status).toBe(201);
    return [...ledger.faulty.calls];
  }

  /** Every call of the flow, and `after` too for its appends: the faults a sweep injects. */
  function sweepOf(calls: readonly StoreCall[]): { n: number; moment: FaultMoment }[] {
    return calls.flatMap((call, index) => [
      { n: index + 1, moment: 'before' as const },
      ...(call === 'append' ? [{ n: index + 1, moment: 'after' as const }] : []),
    ]);
  }

  it('fails each call of a one-append command once: 503, nothing recorded, the retry records it once', async () => {
    const calls = await callsOf(contribution(nextKey('probe')));
    expect(calls.filter((call) => call === 'append')).toHaveLength(1);
    for (const { n, moment } of sweepOf(calls)) {
      const command = contribution(nextKey(`single-${n}-${moment}`));
      const before = await businessLog();
      const lost = ledger.faulty.lostAnswers.length;
      ledger.faulty.failCall(n, moment);
      expect((await send(command)).status).toBe(503);
      // Before the write nothing is stored; after it, the events are there, unacknowledged.
      const expected = [`${command.key} ContributionRecorded`];
      expect(await appendedSince(before)).toEqual(
        expected.slice(0, committedBefore(calls, n, moment)),
      );
      ledger.faulty.clear();
      const retry = await send(command);
      expect(retry.status).toBe(201);
      expect(await appendedSince(before)).toEqual(expected);
      if (moment === 'after') {
        // The retry answers with the result the lost answer carried, not with a second write.
        expect(ledger.faulty.lostAnswers).toHaveLength(lost + 1);
        expect((retry.body as { position: string }).position).toBe(
          ledger.faulty.lostAnswers[lost].position.toString(),
        );
      }
    }
    expect(await countDuplicates()).toBe(0);
  });

  it('sweeps a fault over every call of a contribution that claims a fulfilment: exactly once after the retry', async () => {
    let commitments = 0;
    const claimingContribution = async (key: string): Promise<Command> => {
      const commitmentId = await acceptedCommitment(
        api,
        PARTNERSHIP,
        `tutoring-${(commitments += 1)}`,
        ACME,
        SOS,
      );
      return contribution(key, { commitmentId });
    };
    const calls = await callsOf(await claimingContribution(nextKey('claim-probe')));
    expect(calls.filter((call) => call === 'append')).toHaveLength(2);
    const sweep = sweepOf(calls);
    for (const { n, moment } of sweep) {
      const command = await claimingContribution(nextKey(`claim-${n}-${moment}`));
      const flow = [
        `${command.key} ContributionRecorded`,
        `${command.key}:fulfilment-claim FulfilmentClaimed`,
      ];
      const before = await businessLog();
      ledger.faulty.failCall(n, moment);
      expect((await send(command)).status).toBe(503);
      // What committed before the fault stays, whole (a fault between the two appends leaves
      // the contribution without its claim); nothing else. The retry completes the flow.
      expect(await appendedSince(before)).toEqual(flow.slice(0, committedBefore(calls, n, moment)));
      ledger.faulty.clear();
      const retry = await send(command);
      expect(retry.status).toBe(201);
      expect(await appendedSince(before)).toEqual(flow);
      const log = await businessLog();
      const positionOf = (line: string) =>
        log.find((event) => `${commandKeyOf(event)} ${event.type}` === line)?.position;
      const answer = retry.body as {
        revision: string;
        position: string;
        fulfilmentClaim?: { position: string };
      };
      // The answer's position is the last event written, the claim's.
      const claimPosition = positionOf(flow[1])?.toString();
      expect([answer.position, answer.fulfilmentClaim?.position]).toEqual([
        claimPosition,
        claimPosition,
      ]);
      expect(answer.revision).toBe('0');
      expect(positionOf(flow[0])).toBeDefined();
      // Once complete, the same key answers the same, and stores nothing more.
      const again = await send(command);
      expect(again.body).toEqual(retry.body);
      expect(await appendedSince(before)).toEqual(flow);
    }
    expect(await countDuplicates()).toBe(0);
    console.log(`storage faults: swept ${sweep.length} faults over ${calls.join(', ')}`);
  });

  it('fails every call until cleared: 503s, /health down, nothing recorded; then recovers', async () => {
    const commands: Command[] = [
      contribution(nextKey('forever')),
      {
        path: `/partnerships/${PARTNERSHIP}/meetings`,
        body: {
          meetingId: 'steering',
          heldOn: '2026-03-01',
          attendees: [ACME, SOS],
          decisions: [],
        },
        as: admin,
        key: nextKey('forever-meeting'),
      },
      {
        path: '/valuation-policies',
        body: { policyId: 'faulty-policy', name: 'Policy', currency: 'EUR' },
        as: admin,
        key: nextKey('forever-policy'),
      },
    ];
    const before = await businessLog();
    ledger.faulty.failForever();
    for (const command of commands) expect((await send(command)).status).toBe(503);
    await api.get('/health').expect(503);
    const health = await api.get('/health/details').expect(503);
    expect(health.body).toMatchObject({
      error: { eventStore: { status: 'down', reason: 'storage-unavailable' } },
    });
    expectProblem(
      await api.get(`/streams/partnership-${PARTNERSHIP}/events`),
      503,
      'storage-unavailable',
    );
    expect(await appendedSince(before)).toEqual([]);

    ledger.faulty.clear();
    // The store answers again, but writes failed last: unhealthy until one succeeds.
    const failing = await api.get('/health/details').expect(503);
    expect(failing.body).toMatchObject({
      error: {
        eventStore: { status: 'down', reason: 'writes-failing', code: 'SQLITE_IOERR_WRITE' },
      },
    });
    for (const command of commands) expect((await send(command)).status).toBeLessThan(300);
    await api.get('/health').expect(200);
    const recorded = await appendedSince(before);
    expect(recorded).toHaveLength(commands.length);
    expect(recorded.map((line) => line.split(' ')[0])).toEqual(commands.map(({ key }) => key));
  });

  it('answers 503 while the disk is full (SQLITE_FULL from SQLite itself), serves reads, and recovers', async () => {
    // Each event is larger than a page, so it needs a new one: every write meets the full disk.
    const large = 'é'.repeat(2000);
    const commands = [1, 2, 3].map((i) =>
      contribution(nextKey(`disk-full-${i}`), { description: large }),
    );
    const before = await businessLog();
    ledger.store.fillDisk();
    try {
      for (const command of commands) expect((await send(command)).status).toBe(503);
      figures.faultsInjected += commands.length;
      await api.get(`/streams/partnership-${PARTNERSHIP}/events`).expect(200);
      expect(await appendedSince(before)).toEqual([]);
    } finally {
      ledger.store.freeDisk();
    }
    for (const command of commands) expect((await send(command)).status).toBe(201);
    expect(await appendedSince(before)).toEqual(
      commands.map(({ key }) => `${key} ContributionRecorded`),
    );
  });

  it('answers 503 when another writer holds the lock past the busy timeout (SQLITE_BUSY)', async () => {
    const command = contribution(nextKey('busy'));
    const before = await businessLog();
    const other = new Database(join(ledger.dataDir, 'events.sqlite'));
    try {
      other.exec('BEGIN IMMEDIATE');
      expect((await send(command)).status).toBe(503);
      figures.faultsInjected += 1;
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    expect(await appendedSince(before)).toEqual([]);
    expect((await send(command)).status).toBe(201);
    expect(await appendedSince(before)).toEqual([`${command.key} ContributionRecorded`]);
  });

  it('answers 503 and reports the store down once its connection is closed', async () => {
    // The last look at the whole log of this suite: no command of any fault is in it twice.
    figures.duplicates = await countDuplicates();
    expect(figures.duplicates).toBe(0);
    await ledger.store.close();
    figures.faultsInjected += 1;
    expect((await send(contribution(nextKey('closed')))).status).toBe(503);
    await api.get('/health').expect(503);
    const health = await api.get('/health/details').expect(503);
    expect(health.body).toMatchObject({
      error: { eventStore: { status: 'down', reason: 'storage-unavailable' } },
    });
  });
});

describe('reliability: storage faults on EventStoreDB', () => {
  it('answers 503 and reports the store down when the node goes away (gRPC UNAVAILABLE)', async () => {
    const node = await EventStoreDbStandIn.start();
    const ledger = await startTestLedger({ EVENTSTORE_CONNECTION_STRING: node.connectionString });
    try {
      const api = ledgerClient(ledger);
      await api
        .post('/valuation-policies', { policyId: 'esdb', name: 'P', currency: 'EUR' })
        .expect(201);
      await node.stop();
      const refused = await api.post('/valuation-policies', {
        policyId: 'esdb-2',
        name: 'P',
        currency: 'EUR',
      });
      expectProblem(refused, 503, 'storage-unavailable');
      await api.get('/health').expect(503);
      const health = await api.get('/health/details').expect(503);
      expect(health.body).toMatchObject({
        error: { eventStore: { status: 'down', reason: 'storage-unavailable' } },
      });
      console.log(`storage faults: EventStoreDB node stopped, answered ${refused.status}`);
    } finally {
      await ledger.close();
    }
  });
});
