import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import { ProjectionRunner } from '@cohesion/projections';
import { startTestLedger } from '../support/ledger-app';
import { ledgerClient } from '../support/ledger-client';
import { recordScenario } from '../support/scenario';
import { ledgerCli } from '../support/ledger-cli';
import { copyOfDataDir, editOneByte, eventContaining, rewriteEvent } from './tampering';

/** A decision recorded once, in a meeting event of the scenario (mid-stream, not revision 0). */
const NEEDLE = 'Tutoring starts in February';
/** The description of one contribution. */
const GRANT = 'Operating grant';

describe('ledger verify (operator CLI)', () => {
  jest.setTimeout(60_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-verify-'));
  const copies: string[] = [];
  let events: number;

  const verify = (directory: string) => ledgerCli(['verify'], { LEDGER_DATA_DIR: directory });
  const tampered = () => {
    const copy = copyOfDataDir(dataDir);
    copies.push(copy);
    return copy;
  };

  beforeAll(async () => {
    const ledger = await startTestLedger({}, dataDir);
    try {
      const api = ledgerClient(ledger);
      await recordScenario(api, 'v');
      events = Number(await ledger.app.get<EventStore>(EVENT_STORE).headPosition());
      await ledger.app.get(ProjectionRunner).waitFor(BigInt(events), 5000);
      // One signed tree head over the whole log, kept in the data directory.
      await api.get('/verifiable-history/tree-head').expect(200);
    } finally {
      await ledger.close();
    }
  });
  afterAll(() => {
    for (const directory of [dataDir, ...copies])
      rmSync(directory, { recursive: true, force: true });
  });

  it('verifies an intact ledger: every chain, the stored Merkle log and the signed head', async () => {
    const run = await verify(dataDir);
    expect(run.code).toBe(0);
    // Only plain progress lines (stderr is not a terminal here): no warning, no error.
    expect(run.stderr).toMatch(/^(ledger verify: \d+% \(\d+ events\)\n)+$/);
    expect(run.stdout.split('\n')[0]).toBe(`all ${events} events verified`);
    expect(run.stdout).toMatch(/the stored tree matches, node for node/);
    expect(run.stdout).toMatch(/signed tree heads: 1 match the events; 1 signature checked/);
  });

  it('names the event whose stored bytes were edited: stream, revision and position', async () => {
    const copy = tampered();
    const target = eventContaining(copy, NEEDLE);
    editOneByte(copy, NEEDLE, NEEDLE.indexOf('February'));
    const run = await verify(copy);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toContain(
      `damaged event at position ${target.position}: stream ${target.stream}, revision ${target.revision}`,
    );
    expect(run.stderr).toMatch(/its content does not match its hash/);
    expect(run.stderr).toContain(`${target.position - 1} events before it verified`);
  });

  it('catches a history rewritten with its hash chain: by the Merkle log, else by the signed head', async () => {
    const copy = tampered();
    const target = eventContaining(copy, GRANT);
    const data = JSON.parse(target.data) as { quantity: number };
    rewriteEvent(copy, target.position, { ...data, quantity: data.quantity * 10 });
    const againstMerkleLog = await verify(copy);
    expect(againstMerkleLog.code).toBe(1);
    expect(againstMerkleLog.stderr).toContain(
      `damaged event at position ${target.position}: stream ${target.stream}, revision ${target.revision}`,
    );
    expect(againstMerkleLog.stderr).toMatch(/its hash is not leaf \d+ of the Merkle log/);

    // The operator also drops the read models, to rebuild them from the rewritten events.
    rmSync(join(copy, 'read-models.sqlite'));
    const againstHead = await verify(copy);
    expect(againstHead.code).toBe(1);
    expect(againstHead.stderr).toMatch(
      new RegExp(
        `signed tree head refuted: the first ${events} events do not match the tree head signed at`,
      ),
    );
  });

  it('refuses a data directory without an event store', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ledger-empty-'));
    copies.push(empty);
    const run = await verify(empty);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(/no event store at .*events\.sqlite/);
  });
});
