import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_PROJECTORS } from '@cohesion/projections';
import { type CliRun, ledgerCli } from '../support/ledger-cli';
import { cliOn, exportOf, freshDataDir, readModelDigest } from '../support/ledger-cli-fixtures';

/** The message a failed command ends with, after any progress lines. */
const lastLine = (run: CliRun) => run.stderr.trim().split('\n').pop();

/** rebuild, replay, stats, and what every command does on bad input, on the demo ledger. */
describe('ledger operator commands', () => {
  jest.setTimeout(120_000);
  const dataDir = freshDataDir('operations');
  const empty = freshDataDir('operations-empty');
  let events: number;

  beforeAll(async () => {
    await cliOn(dataDir, ['demo']);
    events = (await exportOf(dataDir)).trim().split('\n').length;
  });
  afterAll(() => {
    for (const dir of [dataDir, empty]) rmSync(dir, { recursive: true, force: true });
  });

  it('lists every command with examples in --help', async () => {
    const help = await ledgerCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of [
      'demo',
      'rebuild',
      'replay',
      'export',
      'import',
      'stats',
      'verify',
      'token',
    ]) {
      expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
    expect(help.stdout).toMatch(/Examples/);
    expect(help.stdout).toMatch(/npx ledger replay conflict salle-tilleuls-fermee/);
  });

  it('counts events, streams, events per type and aggregate, and shows read models level with the log', async () => {
    const run = await cliOn(dataDir, ['stats', '--json']);
    const stats = JSON.parse(run.stdout) as {
      events: number;
      streams: number;
      headPosition: string;
      eventsPerType: Record<string, number>;
      eventsPerAggregate: Record<string, number>;
      readModels: { name: string; checkpoint: string; behind: number }[];
      filesOnDisk: Record<string, number>;
    };
    expect(stats).toMatchObject({ events, headPosition: String(events) });
    expect(stats.eventsPerType).toMatchObject({
      PartnershipFounded: 2,
      ConflictRaised: 2,
      ConflictResolved: 1,
    });
    expect(stats.eventsPerAggregate).toMatchObject({ partnership: 27, conflict: 27 });
    expect(Object.values(stats.eventsPerType).reduce((a, b) => a + b, 0)).toBe(events);
    expect(stats.streams).toBeGreaterThan(40);
    expect(stats.readModels.map(({ name }) => name).sort()).toEqual(
      ALL_PROJECTORS.map(({ name }) => name).sort(),
    );
    for (const readModel of stats.readModels)
      expect(readModel).toMatchObject({ checkpoint: String(events), behind: 0 });
    expect(stats.filesOnDisk[join(dataDir, 'events.sqlite')]).toBeGreaterThan(100_000);
  });

  it('rebuilds named read models, then all, to the very same content', async () => {
    const before = readModelDigest(dataDir);
    const named = await cliOn(dataDir, ['rebuild', 'accountability', 'conflict_cases']);
    expect(named.stdout).toBe('rebuilt accountability, conflict_cases\n');
    expect(readModelDigest(dataDir)).toBe(before);
    const all = await cliOn(dataDir, ['rebuild']);
    expect(all.stdout).toBe(`rebuilt ${ALL_PROJECTORS.map(({ name }) => name).join(', ')}\n`);
    expect(readModelDigest(dataDir)).toBe(before);
  });

  it('refuses an unknown read model, naming the valid ones', async () => {
    const run = await ledgerCli(['rebuild', 'accountability', 'gossip'], {
      LEDGER_DATA_DIR: dataDir,
    });
    expect(run.code).toBe(1);
    expect(lastLine(run)).toBe(
      `ledger: unknown read model "gossip": use ${ALL_PROJECTORS.map(({ name }) => name).join(', ')}`,
    );
  });

  it("replays a conflict's timeline with the case's state after each step", async () => {
    const run = await cliOn(dataDir, ['replay', 'conflict', 'salle-tilleuls-fermee']);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('conflict salle-tilleuls-fermee: 16 steps');
    expect(lines).toHaveLength(1 + 16 * 2);
    expect(lines[1]).toMatch(
      /^#0 2025-11-20 ConflictRaised by l-nguyen for cap-tutorat \(recorded 2026-11-0\dT[\d:.]+Z, back-filled: .+\)$/,
    );
    expect(lines[2]).toMatch(/status raised, mediator none/);
    expect(lines[lines.length - 1]).toMatch(
      /status resolved, mediator claire-martin, .*outcome resolved, follow-up review 2026-03-04/,
    );
    const json = await cliOn(dataDir, ['replay', 'conflict', 'spots-radio-horaires', '--json']);
    const steps = JSON.parse(json.stdout) as { state: { status: string } }[];
    expect(steps[steps.length - 1].state.status).toBe('in_mediation');
  });

  it('answers every failure with a one-line message and a non-zero exit code', async () => {
    const garbled = freshDataDir('operations-garbled');
    writeFileSync(
      join(garbled, 'events.sqlite'),
      'this is not a SQLite database, whatever its name says',
    );
    const existing = join(empty, 'already-there.jsonl');
    writeFileSync(existing, '');
    const failures: [string[], Record<string, string>, RegExp][] = [
      [
        ['replay', 'conflict', 'no-such-case'],
        { LEDGER_DATA_DIR: dataDir },
        /^ledger: no conflict no-such-case in the ledger$/m,
      ],
      [
        ['stats'],
        { LEDGER_DATA_DIR: empty },
        /^ledger: no event store at .*events\.sqlite: is LEDGER_DATA_DIR the API's data directory\?$/m,
      ],
      [
        ['export'],
        { LEDGER_DATA_DIR: garbled },
        /^ledger: .*events\.sqlite: the database file is damaged/m,
      ],
      [
        ['import', join(empty, 'missing.jsonl')],
        { LEDGER_DATA_DIR: empty },
        /^ledger: no file .*missing\.jsonl$/m,
      ],
      [
        ['export', '--out', existing],
        { LEDGER_DATA_DIR: dataDir },
        /^ledger: EEXIST: file already exists/m,
      ],
      [
        ['demo', '--seed', 'many'],
        { LEDGER_DATA_DIR: empty },
        /--seed must be a whole number, got "many"/,
      ],
      [
        ['demo', '--seed', '7'],
        { LEDGER_DATA_DIR: dataDir },
        /^ledger: this ledger already holds the demo recorded with seed 2026: record seed 7 in a fresh LEDGER_DATA_DIR$/m,
      ],
      [['stats'], { LEDGER_DATA_DIR: dataDir, PORT: 'eighty' }, /PORT must be a whole number/],
      [['frobnicate'], {}, /unknown command "frobnicate"/],
    ];
    try {
      const runs = await Promise.all(
        failures.map(([args, environment]) => ledgerCli(args, environment)),
      );
      runs.forEach((run, index) => {
        const [args, , message] = failures[index];
        expect({ args, code: run.code }).toEqual({ args, code: 1 });
        expect(run.stderr).toMatch(message);
        // Nothing on stdout, where results go (an unknown command gets the help on stderr).
        expect(run.stdout).toBe('');
      });
    } finally {
      rmSync(garbled, { recursive: true, force: true });
    }
  });
});
