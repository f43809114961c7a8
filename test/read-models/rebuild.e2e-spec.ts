import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import { ALL_PROJECTORS, digestOfTables, ProjectionRunner } from '@cohesion/projections';
import { READ_MODEL_DATABASE } from '@cohesion/application';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { ledgerClient } from '../support/ledger-client';
import { recordScenario } from '../support/scenario';

const ALL_TABLES = ALL_PROJECTORS.flatMap((projector) => projector.tables);

describe('read models are derived data', () => {
  let ledger: TestLedger;
  let runner: ProjectionRunner;
  let db: Database.Database;
  let head: bigint;

  beforeAll(async () => {
    ledger = await startTestLedger();
    const api = ledgerClient(ledger);
    for (const tag of ['a', 'b', 'c']) await recordScenario(api, tag);
    runner = ledger.app.get(ProjectionRunner);
    db = ledger.app.get<Database.Database>(READ_MODEL_DATABASE);
    head = await ledger.app.get<EventStore>(EVENT_STORE).headPosition();
    expect(await runner.waitFor(head, 10_000)).toBe(true);
  });
  afterAll(() => ledger.close());

  it('ends a rebuild from the log in the very state incremental application reached', async () => {
    const incremental = digestOfTables(db, ALL_TABLES);
    const rows = ALL_TABLES.reduce(
      (total, table) =>
        total + (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n,
      0,
    );
    expect(rows).toBeGreaterThan(100);
    runner.rebuild();
    expect(await runner.waitFor(head, 10_000)).toBe(true);
    console.log(
      `rebuild: ${head} events, ${ALL_TABLES.length} tables, ${rows} rows, digest ${incremental.slice(0, 16)}…`,
    );
    expect(digestOfTables(db, ALL_TABLES)).toBe(incremental);
  });

  it('gives the same digest when one read model is rebuilt alone, the others left as they are', async () => {
    const before = digestOfTables(db, ALL_TABLES);
    for (const { name } of ALL_PROJECTORS) {
      runner.rebuild([name]);
      expect(await runner.waitFor(head, 10_000)).toBe(true);
      expect(digestOfTables(db, ALL_TABLES)).toBe(before);
    }
  });

  it('gives the same digest twice from the same log (replay is deterministic)', async () => {
    runner.rebuild();
    await runner.waitFor(head, 10_000);
    const first = digestOfTables(db, ALL_TABLES);
    runner.rebuild();
    await runner.waitFor(head, 10_000);
    expect(digestOfTables(db, ALL_TABLES)).toBe(first);
  });
});

describe('read models across a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function digestAfterScenario(tag: string) {
    const ledger = await startTestLedger({}, dataDir);
    try {
      await recordScenario(ledgerClient(ledger), tag);
      const head = await ledger.app.get<EventStore>(EVENT_STORE).headPosition();
      const runner = ledger.app.get(ProjectionRunner);
      expect(await runner.waitFor(head, 10_000)).toBe(true);
      const db = ledger.app.get<Database.Database>(READ_MODEL_DATABASE);
      const incremental = digestOfTables(db, ALL_TABLES);
      runner.rebuild();
      expect(await runner.waitFor(head, 10_000)).toBe(true);
      return { incremental, rebuilt: digestOfTables(db, ALL_TABLES) };
    } finally {
      await ledger.close();
    }
  }

  it('resumes from its checkpoints after a restart, ending where a full rebuild does', async () => {
    const first = await digestAfterScenario('before');
    const second = await digestAfterScenario('after');
    expect(first.incremental).toBe(first.rebuilt);
    expect(second.incremental).toBe(second.rebuilt);
    expect(second.incremental).not.toBe(first.incremental);
  });
});
