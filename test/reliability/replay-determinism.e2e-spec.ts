import type Database from 'better-sqlite3';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import {
  ALL_PROJECTORS,
  digestOfTables,
  openReadModelDatabase,
  ProjectionRunner,
} from '@cohesion/projections';
import { READ_MODEL_DATABASE } from '@cohesion/application';
import { acceptedCommitment, partnershipWith } from '../support/commitments-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { type LedgerClient, ledgerClient, partner } from '../support/ledger-client';
import {
  acknowledgementsOf,
  type HttpCommand,
  joinsOf,
  membersOf,
  sendAtOnce,
  succeeded,
} from '../support/reliability-fixtures';
import { recordScenario } from '../support/scenario';

const ALL_TABLES = ALL_PROJECTORS.flatMap((projector) => projector.tables);
const MEMBERS = membersOf(60);

/**
 * A log with a bit of everything, written the way real use writes it: whole partnership
 * histories recorded side by side (their events interleaved in the log), and bursts of
 * concurrent commands on single aggregates.
 */
async function recordHistory(api: LedgerClient): Promise<number> {
  await Promise.all(['r1', 'r2', 'r3', 'r4', 'r5'].map((tag) => recordScenario(api, tag)));
  // People of the directory, invited side by side, one given a personal token revoked at once.
  await Promise.all(
    ['r1', 'r2', 'r3'].map((tag) =>
      api
        .post('/people', {
          personId: `person-${tag}`,
          displayName: `Person ${tag}`,
          email: `${tag}@people.example`,
          partnerId: 'giver',
          roles: ['partner'],
        })
        .expect(201),
    ),
  );
  await api.put('/people/person-r1/roles', { roles: ['partner', 'partner_admin'] }).expect(200);
  await api.post('/people/person-r2/tokens/cli-token-1/revocation', {}).expect(200);
  // One of them leaves and is erased (the erasure's own read model, and keys destroyed).
  await api.post('/people/person-r3/removal', { reason: 'Left' }).expect(200);
  await api
    .post('/erasures', {
      erasureId: 'erase-r3',
      dataSubject: { kind: 'person', personId: 'person-r3' },
      reason: 'Asked by letter',
    })
    .expect(201);
  await api.post('/erasures/erase-r3/carrying-out', { reason: 'Nothing to keep' }).expect(200);
  await partnershipWith(api, 'crowd', ['giver']);
  const joins = await sendAtOnce(api, joinsOf('crowd', MEMBERS), 61);
  await api
    .post(
      '/contributions',
      {
        contributionId: 'gift',
        partnershipId: 'crowd',
        kind: 'in_kind',
        quantity: 12,
        unit: 'items',
        date: '2026-03-01',
        description: 'Laptops for the homework club',
      },
      partner('giver'),
    )
    .expect(201);
  const acknowledgements = await sendAtOnce(api, acknowledgementsOf('crowd--gift', MEMBERS), 62);
  await acceptedCommitment(api, 'crowd', 'tutoring', 'giver', MEMBERS[0], {
    quantity: 500,
    unit: 'hours',
  });
  const claims: HttpCommand[] = MEMBERS.map((_, k) => ({
    key: `claim-tutoring-${k}`,
    path: '/commitments/crowd--tutoring/fulfilment-claims',
    body: { claimId: `k${k}`, evidence: 'Attendance sheets', quantity: k + 1 },
    as: partner('giver'),
  }));
  const claimed = await sendAtOnce(api, claims, 63);
  const settlements: HttpCommand[] = MEMBERS.map((m, k) => ({
    key: `settle-tutoring-${k}`,
    path: `/commitments/crowd--tutoring/fulfilment-claims/k${k}/${k % 4 === 0 ? 'dispute' : 'confirmation'}`,
    body: k % 4 === 0 ? { reason: 'No sheet for that week' } : {},
    as: partner(m),
  }));
  const settled = await sendAtOnce(api, settlements, 64);
  // Reads of a confidential conflict case, and a refusal, all audited in the log too.
  await Promise.all(
    ['r1', 'r2', 'r3'].map((tag) =>
      api.get(`/conflicts/youth-${tag}--hall-access-${tag}`).expect(200),
    ),
  );
  await api
    .post(
      '/contributions/crowd--gift/acknowledgements',
      { partnerId: MEMBERS[1] },
      partner(MEMBERS[0]),
    )
    .expect(403);
  return [joins, acknowledgements, claimed, settled].reduce(
    (sum, { final }) => sum + final.filter(succeeded).length,
    0,
  );
}

/** A fresh read-model database built from the whole log by a runner of its own. */
async function rebuiltFromLog(
  store: EventStore,
  head: bigint,
  maxBatchSize: number,
): Promise<Database.Database> {
  const db = openReadModelDatabase(':memory:');
  const runner = new ProjectionRunner(store, db, ALL_PROJECTORS, { maxBatchSize });
  runner.start();
  try {
    expect(await runner.waitFor(head, 240_000)).toBe(true);
  } finally {
    runner.stop();
  }
  return db;
}

const rowsOf = (db: Database.Database, table: string) =>
  (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;

describe('replay determinism', () => {
  let ledger: TestLedger;
  let store: EventStore;
  let commands: number;

  beforeAll(async () => {
    ledger = await startTestLedger({ LEDGER_RATE_LIMIT_PER_MINUTE: '1000000' });
    store = ledger.app.get<EventStore>(EVENT_STORE);
    commands = await recordHistory(ledgerClient(ledger));
  });
  afterAll(() => ledger.close());

  it('rebuilds every read model twice from the same log into identical digests', async () => {
    // No request from here on: the log stays as it is while it is replayed.
    const head = await store.headPosition();
    const runner = ledger.app.get(ProjectionRunner);
    expect(await runner.waitFor(head, 240_000)).toBe(true);
    const live = ledger.app.get<Database.Database>(READ_MODEL_DATABASE);
    const incremental = digestOfTables(live, ALL_TABLES);

    // Two replays by independent runners, one applying the log in large batches, one nearly
    // event by event: neither the batching nor the run may change a single row.
    const first = await rebuiltFromLog(store, head, 500);
    const second = await rebuiltFromLog(store, head, 3);
    const digests = [digestOfTables(first, ALL_TABLES), digestOfTables(second, ALL_TABLES)];
    // And the node's own read models, dropped and replayed where they are.
    runner.rebuild();
    expect(await runner.waitFor(head, 240_000)).toBe(true);
    digests.push(digestOfTables(live, ALL_TABLES));

    const rows = ALL_TABLES.map((table) => rowsOf(first, table));
    console.log(
      `replay determinism: ${head} events (${commands} commands acknowledged in concurrent bursts), ` +
        `3 rebuilds of ${ALL_TABLES.length} tables, ${rows.reduce((a, b) => a + b, 0)} rows, ` +
        `digest ${incremental.slice(0, 16)}…, ${new Set(digests).size} distinct digest(s)`,
    );
    expect(await store.headPosition()).toBe(head);
    expect(digests).toEqual([incremental, incremental, incremental]);
    // The digest covers something: every read model holds rows from this log…
    for (const projector of ALL_PROJECTORS) {
      const held = projector.tables.reduce((sum, table) => sum + rowsOf(first, table), 0);
      expect({ [projector.name]: held > 0 }).toEqual({ [projector.name]: true });
    }
    // …and it would show one event applied twice (here, a join counted twice).
    first
      .prepare(
        "UPDATE partnership_overview_partnerships SET members = members + 1 WHERE partnership_id = 'crowd'",
      )
      .run();
    expect(digestOfTables(first, ALL_TABLES)).not.toBe(incremental);
    first.close();
    second.close();
  });
});
