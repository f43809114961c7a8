import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, eventIdFor, type EventStore, type JsonObject } from '@cohesion/event-store';
import { partnershipWith } from '../support/partnership-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { ledgerClient, type Principal } from '../support/ledger-client';
import { ledgerCli } from '../support/ledger-cli';

const nadia: Principal = { sub: 'assoc-nadia', partnerId: 'assoc', roles: ['partner'] };

/** An event appended as the ledger did before sealing existed: its personal fields in clear. */
async function legacyEvent(
  ledger: TestLedger,
  stream: string,
  type: string,
  data: JsonObject,
  actor: string,
) {
  const commandId = `legacy-${stream}`;
  await ledger.app.get<EventStore>(EVENT_STORE).append(
    stream,
    [
      {
        id: eventIdFor(commandId, 0),
        type,
        data,
        metadata: {
          actor: { sub: actor },
          commandId,
          correlationId: commandId,
          causationId: commandId,
          schemaVersion: 1,
        },
      },
    ],
    { expectedRevision: 'no_stream' },
  );
}

interface Scan {
  eventsRead: number;
  headPosition: string;
  perType: Record<string, { events: number; fields: Record<string, number> }>;
  events: {
    position: string;
    stream: string;
    type: string;
    fields: { path: string; subject: string }[];
  }[];
  marksFile: string;
}

describe('ledger personal-data scan (operator CLI): the legacy events in clear', () => {
  let dataDir: string;
  let head: bigint;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-legacy-scan-'));
    const ledger = await startTestLedger({}, dataDir);
    try {
      const api = ledgerClient(ledger);
      await partnershipWith(api, 'harmony', ['assoc', 'city']);
      await legacyEvent(
        ledger,
        'feedback-harmony--lights',
        'FeedbackSubmitted',
        {
          feedbackId: 'harmony--lights',
          partnershipId: 'harmony',
          subject: { kind: 'partnership' },
          text: 'I live at 4 rue des Tilleuls and the lights are out',
          channel: 'web',
          submitterCategory: 'resident',
          contact: { email: 'resident.4@example.org' },
        },
        'public-form',
      );
      // Recorded now, through the API: sealed, so not legacy.
      await api
        .post(
          '/conflicts',
          {
            conflictId: 'noise',
            partnershipId: 'harmony',
            parties: ['city'],
            subject: { kind: 'free', description: 'Noise in the courtyard' },
            summary: 'The gate slams at night',
          },
          nadia,
        )
        .expect(201);
      await legacyEvent(
        ledger,
        'conflict-harmony--old-noise',
        'ConflictRaised',
        {
          conflictId: 'harmony--old-noise',
          partnershipId: 'harmony',
          raisedBy: 'assoc',
          parties: ['assoc'],
          subject: { kind: 'free', description: 'Noise' },
          summary: 'Nadia wrote this before sealing',
        },
        nadia.sub,
      );
      head = await ledger.app.get<EventStore>(EVENT_STORE).headPosition();
    } finally {
      await ledger.close();
    }
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reports the legacy events per type, with positions and streams, and marks them', async () => {
    const run = await ledgerCli(['personal-data', 'scan', '--json'], { LEDGER_DATA_DIR: dataDir });
    expect(run).toMatchObject({ code: 0 });
    const scan = JSON.parse(run.stdout) as Scan;
    expect(scan.headPosition).toBe(head.toString());
    expect(scan.perType).toEqual({
      FeedbackSubmitted: { events: 1, fields: { contact: 1, text: 1 } },
      ConflictRaised: { events: 1, fields: { summary: 1, 'subject.description': 1 } },
    });
    expect(scan.events.map(({ stream, type, fields }) => ({ stream, type, fields }))).toEqual([
      {
        stream: 'feedback-harmony--lights',
        type: 'FeedbackSubmitted',
        fields: [
          { path: 'text', subject: 'resident-harmony--lights' },
          { path: 'contact', subject: 'resident-harmony--lights-contact' },
        ],
      },
      {
        stream: 'conflict-harmony--old-noise',
        type: 'ConflictRaised',
        fields: [
          { path: 'summary', subject: 'assoc-nadia' },
          { path: 'subject.description', subject: 'assoc-nadia' },
        ],
      },
    ]);
    // The marks: paths and subjects, never the values; readable by the ledger's user only.
    const marks = readFileSync(scan.marksFile, 'utf8');
    expect(marks).not.toMatch(/rue des Tilleuls|resident\.4@|before sealing/);
    expect(statSync(scan.marksFile).mode & 0o777).toBe(0o600);

    const text = await ledgerCli(['personal-data', 'scan'], { LEDGER_DATA_DIR: dataDir });
    expect(text.stdout).toMatch(/^2 event\(s\) of \d+ hold personal data in clear/);
    expect(text.stdout).toMatch(/ FeedbackSubmitted: 1 event\(s\) \(text 1, contact 1\)/);
  });

  it('re-records nothing, and the access reports then list the fields in clear', async () => {
    const ledger = await startTestLedger({}, dataDir);
    try {
      expect(await ledger.app.get<EventStore>(EVENT_STORE).headPosition()).toBe(head);
      const api = ledgerClient(ledger);
      const fields = async (path: string) =>
        (
          (await api.get(`/data-subjects/${path}/report`).expect(200)).body as {
            personalFields: { type: string; path: string; state: string; value: unknown }[];
          }
        ).personalFields.map(({ type, path: field, state, value }) => [type, field, state, value]);
      expect(await fields('resident/harmony--lights')).toEqual([
        [
          'FeedbackSubmitted',
          'text',
          'clear',
          'I live at 4 rue des Tilleuls and the lights are out',
        ],
        ['FeedbackSubmitted', 'contact', 'clear', { email: 'resident.4@example.org' }],
      ]);
      // Her summary sealed since, opened; her legacy one in clear.
      expect(await fields('person/assoc-nadia')).toEqual([
        ['ConflictRaised', 'subject.description', 'open', 'Noise in the courtyard'],
        ['ConflictRaised', 'summary', 'open', 'The gate slams at night'],
        ['ConflictRaised', 'summary', 'clear', 'Nadia wrote this before sealing'],
        ['ConflictRaised', 'subject.description', 'clear', 'Noise'],
      ]);
    } finally {
      await ledger.close();
    }
  });

  it('refuses a data directory with no ledger', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ledger-legacy-none-'));
    try {
      const refused = await ledgerCli(['personal-data', 'scan'], { LEDGER_DATA_DIR: empty });
      expect(refused).toMatchObject({ code: 1, stdout: '' });
      expect(refused.stderr).toMatch(/^ledger: no event store at /);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
