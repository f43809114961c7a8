import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type Database from 'better-sqlite3';
import {
  IDENTITY_DATABASE,
  type ConsistencyProofDocument,
  InclusionProofDocument,
  PublicKeyDocument,
  TreeHeadDocument,
} from '@cohesion/application';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import { ProjectionRunner } from '@cohesion/projections';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { ledgerCli } from '../support/ledger-cli';
import { cliOn, exportOf, freshDataDir } from '../support/ledger-cli-fixtures';
import {
  admin,
  type LedgerClient,
  ledgerClient,
  partner,
  type Principal,
} from '../support/ledger-client';
import { inPartnership, partnershipWith } from '../support/partnership-fixtures';
import { formTokenAged, TEST_FORM_KEY } from '../support/public-feedback-forms';
import { type BrowserSession, signedInPerson, signInClient } from '../support/sign-in-client';

/** Child processes (the CLI) and scrypt run slowly on a loaded machine: conditions, not clocks. */
jest.setTimeout(600_000);

/**
 * Issue 18's end to end: a resident gives feedback with contact details; a partner's staff member
 * records a contribution, raises a conflict and makes a statement; both ask to be erased. After
 * it, no answer, export, replay, read model or file holds their data, while every proof signed
 * before still verifies and a rebuild keeps them erased.
 */
describe('a resident and a staff member erased by crypto-shredding', () => {
  const settings = {
    LEDGER_PUBLIC_FEEDBACK_FORM_KEY: TEST_FORM_KEY,
    LEDGER_PUBLIC_FEEDBACK_MIN_FILL_SECONDS: '0',
  };
  const dataDir = freshDataDir('crypto-shredding');
  const proofs = mkdtempSync(join(tmpdir(), 'ledger-shredding-proofs-'));
  const saved = (name: string, content: unknown) => {
    writeFileSync(
      join(proofs, name),
      typeof content === 'string' ? content : JSON.stringify(content),
    );
    return join(proofs, name);
  };

  /** What only the two people wrote or are: none of it may survive the erasure anywhere. */
  const RESIDENT = ['Mireille Fontaine', 'mireille.fontaine@example.org', '06 12 34 56 78'];
  const RESIDENT_TEXT = 'Mon fils Théo attend le bus de 7h12 seul, rue des Lilas';
  const STAFF = ['Nadia Benali', 'nadia.benali@acme.example'];
  const STAFF_TEXT = [
    'Nadia Benali found the hall locked twice',
    'I asked the caretaker, Nadia speaking',
  ];
  const SECRETS = [...RESIDENT, RESIDENT_TEXT, ...STAFF, ...STAFF_TEXT];

  let ledger: TestLedger;
  let api: LedgerClient;
  let client: ReturnType<typeof signInClient>;
  let nadia: BrowserSession;
  let feedbackId: string;
  let statementEventId: string;
  const conflictId = inPartnership('northside', 'hall');
  let headBefore: TreeHeadDocument;
  let exportBefore: string;

  const settle = async () =>
    ledger.app
      .get(ProjectionRunner)
      .waitFor(await ledger.app.get<EventStore>(EVENT_STORE).headPosition(), 60_000);
  const get = async <T>(path: string, as = admin) =>
    (await api.get(path, as).expect(200)).body as T;
  const text = async (path: string, as = admin) => (await api.get(path, as).expect(200)).text;

  /** Every answer a reader could ask of these two people, as text. */
  async function everyAnswer(): Promise<string> {
    const paths = [
      '/people',
      '/people/nadia',
      '/feedback',
      '/partnerships/northside/impact',
      '/conflicts',
      `/conflicts/${conflictId}`,
      `/conflicts/${conflictId}/replay`,
      `/streams/conflict-${conflictId}/events`,
      `/streams/conflict-${conflictId}/events?personalData=sealed`,
      `/streams/conflict-${conflictId}/state`,
      `/streams/feedback-${feedbackId}/events`,
      `/streams/feedback-${feedbackId}/state`,
      '/streams/person-nadia/events',
      '/streams/person-nadia/state',
      '/audit-trail',
      '/exports/feedback.csv',
      '/exports/conflicts.csv',
    ];
    const answers = await Promise.all(paths.map((path) => api.get(path, admin)));
    answers.forEach((answer, index) => {
      if (answer.status !== 200) throw new Error(`${paths[index]} answered ${answer.status}`);
    });
    return answers.map((answer) => answer.text ?? String(answer.body)).join('\n');
  }

  /** Every byte of every file of the data directory (logs, read models, keys, journals). */
  function everyFile(directory = dataDir): Buffer {
    return Buffer.concat(
      readdirSync(directory, { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile())
        .map((entry) => readFileSync(join(entry.parentPath, entry.name))),
    );
  }

  const leaked = (haystack: string | Buffer) =>
    SECRETS.filter((secret) =>
      typeof haystack === 'string'
        ? haystack.includes(secret)
        : haystack.includes(secret, 0, 'utf8'),
    );

  beforeAll(async () => {
    ledger = await startTestLedger(settings, dataDir);
    api = ledgerClient(ledger);
    client = signInClient(ledger);
    await partnershipWith(api, 'northside', ['acme', 'city']);
    nadia = await signedInPerson(client, {
      personId: 'nadia',
      displayName: STAFF[0],
      email: STAFF[1],
      partnerId: 'acme',
      roles: ['partner'],
    });
    // Nadia records a contribution, raises a conflict and states her side, signed in.
    await client
      .post(
        '/contributions',
        {
          contributionId: 'homework',
          partnershipId: 'northside',
          kind: 'volunteer_time',
          quantity: 12,
          unit: 'hours',
          date: '2026-10-14',
          description: 'Homework club, October',
        },
        nadia,
      )
      .expect(201);
    await client
      .post(
        '/conflicts',
        {
          conflictId: 'hall',
          partnershipId: 'northside',
          parties: ['city'],
          subject: { kind: 'free', description: STAFF_TEXT[0] },
          summary: STAFF_TEXT[0],
        },
        nadia,
      )
      .expect(201);
    const on = (path: string, body: object, as: Principal) =>
      api.post(`/conflicts/${conflictId}/${path}`, body, as);
    await on('acknowledgement', {}, partner('city')).expect(200);
    await on('mediator-proposals', { mediatorId: 'claire' }, admin).expect(201);
    await on('mediator-proposals/claire/acceptance', {}, partner('acme')).expect(200);
    await on('mediator-proposals/claire/acceptance', {}, partner('city')).expect(200);
    await client
      .post(`/conflicts/${conflictId}/statements`, { text: STAFF_TEXT[1] }, nadia)
      .expect(201);
    // A resident, through the public form, with contact details and consent.
    await request(client.server)
      .post('/partnerships/northside/public-feedback')
      .send({
        formToken: formTokenAged('northside', 60),
        text: RESIDENT_TEXT,
        rating: 2,
        consent: true,
        contact: { name: RESIDENT[0], email: RESIDENT[1], phone: RESIDENT[2] },
      })
      .expect(202);
    await settle();
    const listed = await get<{ items: { feedbackId: string }[] }>('/feedback');
    feedbackId = listed.items[0].feedbackId;
    const events = await get<{ events: { id: string; type: string }[] }>(
      `/streams/conflict-${conflictId}/events?personalData=sealed`,
    );
    const statement = events.events.find((event) => event.type === 'StatementRecorded');
    if (!statement) throw new Error('no statement recorded');
    statementEventId = statement.id;
    saved('statement-event.json', statement);
    headBefore = await get<TreeHeadDocument>('/verifiable-history/tree-head');
    saved('head-before.json', headBefore);
    saved(
      'inclusion-before.json',
      await get<InclusionProofDocument>(
        `/verifiable-history/inclusion-proof?eventId=${statementEventId}&treeSize=${headBefore.treeSize}`,
      ),
    );
    saved('public-key.pem', (await get<PublicKeyDocument>('/verifiable-history/public-key')).pem);
    exportBefore = await exportOf(dataDir);
  });
  afterAll(async () => {
    await ledger?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(proofs, { recursive: true, force: true });
  });

  it('never writes their data in clear, not even before the erasure: the log holds envelopes', () => {
    expect(leaked(everyFile())).toEqual([]);
    expect(leaked(exportBefore)).toEqual([]);
    expect(exportBefore).toContain('"sealed":"aes-256-gcm/1"');
  });

  it('serves their data opened to those who may read it, before the erasure', async () => {
    expect(await get('/people/nadia')).toMatchObject({ displayName: STAFF[0], email: STAFF[1] });
    expect(await text(`/streams/feedback-${feedbackId}/events`)).toContain(RESIDENT[1]);
    expect(await text(`/conflicts/${conflictId}/replay`)).toContain(STAFF_TEXT[1]);
    expect(await text('/exports/feedback.csv')).toContain(RESIDENT_TEXT);
    // Partners never learn who gave feedback, nor how to reach them.
    const asPartner = await text(`/streams/feedback-${feedbackId}/events`, partner('acme'));
    expect(asPartner).toContain(RESIDENT_TEXT);
    expect(asPartner).not.toContain(RESIDENT[1]);
  });

  it('lists everything it holds about each of them in the subject access report', async () => {
    const report = await text('/data-subjects/person/nadia/report');
    for (const secret of [...STAFF, ...STAFF_TEXT]) expect(report).toContain(secret);
    expect(report).toContain('ContributionRecorded');
    const resident = await text(`/data-subjects/resident/${feedbackId}/report`);
    for (const secret of [...RESIDENT, RESIDENT_TEXT]) expect(resident).toContain(secret);
  });

  describe('after both erasures', () => {
    beforeAll(async () => {
      await api
        .post('/people/nadia/removal', { reason: 'Left ACME; asked to be erased' })
        .expect(200);
      const erase = async (erasureId: string, dataSubject: object) => {
        await api
          .post('/erasures', { erasureId, dataSubject, reason: 'Art. 17 request by e-mail' })
          .expect(201);
        await api
          .post(`/erasures/${erasureId}/carrying-out`, {
            reason: 'Identity checked; no duty to keep',
          })
          .expect(200);
      };
      await erase('nadia-2026', { kind: 'person', personId: 'nadia' });
      await erase('resident-2026', { kind: 'resident', feedbackId });
      await settle();
    });

    it('shows their fields as erased in every answer, export and replay', async () => {
      const answers = await everyAnswer();
      expect(leaked(answers)).toEqual([]);
      expect(answers).toMatch(/\[erased \d{4}-\d{2}-\d{2}\]/);
      expect(await get('/people/nadia')).toMatchObject({
        displayName: expect.stringMatching(/^\[erased \d{4}-\d{2}-\d{2}\]$/) as unknown,
      });
    });

    it('forgets how the staff member signed in: password, sessions, links, passkeys', () => {
      const identity = ledger.app.get<Database.Database>(IDENTITY_DATABASE);
      for (const table of ['passwords', 'sessions', 'links', 'passkeys']) {
        const count = identity.prepare(`SELECT count(*) AS n FROM ${table} WHERE person_id = ?`);
        expect([table, count.get('nadia')]).toEqual([table, { n: 0 }]);
      }
    });

    it('leaves no trace of them in any file of the data directory', () => {
      expect(leaked(everyFile())).toEqual([]);
    });

    it('still verifies every proof signed before the erasure, offline, as a partner would', async () => {
      const head = await get<TreeHeadDocument>('/verifiable-history/tree-head');
      const consistency = await get<ConsistencyProofDocument>(
        `/verifiable-history/consistency-proof?oldSize=${headBefore.treeSize}`,
      );
      const key = ['--public-key', join(proofs, 'public-key.pem')];
      const [inclusion, consistent] = await Promise.all([
        ledgerCli([
          'verify-inclusion',
          join(proofs, 'inclusion-before.json'),
          ...key,
          '--event',
          join(proofs, 'statement-event.json'),
        ]),
        ledgerCli([
          'verify-consistency',
          saved('consistency.json', consistency),
          ...key,
          '--old-tree-head',
          join(proofs, 'head-before.json'),
        ]),
      ]);
      expect(inclusion).toMatchObject({ code: 0, stderr: '' });
      expect(inclusion.stdout).toContain('the event file matches its hash');
      expect(consistent).toMatchObject({ code: 0, stderr: '' });
      expect(head.treeSize).toBeGreaterThan(headBefore.treeSize);
    });

    it('keeps them erased through `ledger verify`, a rebuild of every read model and a restart', async () => {
      await ledger.close();
      const verified = await cliOn(dataDir, ['verify']);
      expect(verified.stdout).toMatch(/verified/i);
      await cliOn(dataDir, ['rebuild']);
      ledger = await startTestLedger(settings, dataDir);
      api = ledgerClient(ledger);
      await settle();
      expect(leaked(await everyAnswer())).toEqual([]);
      expect(leaked(everyFile())).toEqual([]);
    });

    it('does not bring them back from an export taken before the erasure, and says so', async () => {
      const restored = freshDataDir('restored');
      try {
        // The ledger's keys as they are now (after the erasure), as a restore would have them.
        for (const file of ['personal-data-keys.sqlite', 'master.key']) {
          cpSync(join(dataDir, file), join(restored, file));
        }
        writeFileSync(join(restored, 'before.jsonl'), exportBefore);
        const imported = await cliOn(restored, ['import', join(restored, 'before.jsonl')]);
        expect(imported.stdout).toMatch(/personal fields cannot be opened here: \d+ erased/);
        expect(leaked(everyFile(restored))).toEqual([]);
      } finally {
        rmSync(restored, { recursive: true, force: true });
      }
    });
  });
});
