import request from 'supertest';
import type { App } from 'supertest/types';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@cohesion/event-store';
import { isSealed, type KeyStore } from '@cohesion/personal-data';
import {
  residentContactOf,
  residentOf,
} from '../../libs/application/src/personal-data/personal-fields';
import { PERSONAL_DATA_KEYS } from '@cohesion/application';
import { csvObjects } from '../support/csv-parse';
import { partnershipWith } from '../support/partnership-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  admin,
  expectProblem,
  type LedgerClient,
  ledgerClient,
  partner,
  type Principal,
} from '../support/ledger-client';
import { formTokenAged, TEST_FORM_KEY } from '../support/public-feedback-forms';

interface FieldLine {
  position: string;
  stream: string;
  type: string;
  path: string;
  keySubject: string;
  state: string;
  value: unknown;
}

interface Report {
  subject: object;
  keySubjects: string[];
  eventsRecorded: { position: string; stream: string; type: string; effectiveDate: string }[];
  personalFields: FieldLine[];
  readModels: { readModel: string; id: string; fields: string[] }[];
}

/** A partner's staff member, signed in: their `sub` is their person id. */
const nadia: Principal = { sub: 'assoc-nadia', partnerId: 'assoc', roles: ['partner'] };
const auditor: Principal = { sub: 'city-auditor', roles: ['auditor'] };

const MIN_FILL_SECONDS = 600;

/** Every envelope of the log sealed for one of `subjects`: where it is (position and path). */
function sealedFor(events: readonly RecordedEvent[], subjects: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string, position: bigint) => {
    if (isSealed(value)) {
      if (subjects.includes(value.subject)) found.push(`${position}:${path}`);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [field, item] of Object.entries(value)) {
      walk(item, path === '' ? field : `${path}.${field}`, position);
    }
  };
  for (const event of events) walk(event.data, '', event.position);
  return found.sort();
}

const placesOf = (report: Report) =>
  report.personalFields.map(({ position, path }) => `${position}:${path}`).sort();

describe('subject access reports (GDPR Art. 15) through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  let server: App;
  let residentFeedbackId: string;

  const logEvents = async () => {
    const events: RecordedEvent[] = [];
    for await (const event of ledger.app.get<EventStore>(EVENT_STORE).readAll()) {
      events.push(event);
    }
    return events;
  };
  const report = async (path: string, as: Principal = admin) =>
    (await api.get(`/data-subjects/${path}/report`, as).expect(200)).body as Report;

  beforeAll(async () => {
    ledger = await startTestLedger({
      LEDGER_PUBLIC_FEEDBACK_FORM_KEY: TEST_FORM_KEY,
      LEDGER_PUBLIC_FEEDBACK_MIN_FILL_SECONDS: String(MIN_FILL_SECONDS),
    });
    api = ledgerClient(ledger);
    server = ledger.app.getHttpServer() as App;
    await partnershipWith(api, 'harmony', ['assoc', 'city']);
    await api
      .post(
        '/conflicts',
        {
          conflictId: 'noise',
          partnershipId: 'harmony',
          parties: ['city'],
          subject: { kind: 'free', description: 'Noise in the courtyard' },
          summary: 'Nadia heard the courtyard gate slam every night at 2am',
        },
        nadia,
      )
      .expect(201);
    await api
      .post(
        '/feedback',
        {
          feedbackId: 'nadia-note',
          partnershipId: 'harmony',
          subject: { kind: 'partnership' },
          text: 'Nadia thinks the Wednesday meetings run late',
          channel: 'web',
          submitterCategory: 'partner',
          contact: { email: 'nadia.b@assoc.example' },
        },
        nadia,
      )
      .expect(201);
    await request(server)
      .post('/partnerships/harmony/public-feedback')
      .send({
        formToken: formTokenAged('harmony', MIN_FILL_SECONDS + 60),
        text: 'I live at 4 rue des Tilleuls and the lights are out',
        consent: true,
        contact: { email: 'resident.4@example.org', phone: '06 12 34 56 78' },
      })
      .expect(202);
    const submitted = (await logEvents()).filter(
      (event) => event.type === 'FeedbackSubmitted' && event.metadata.actor.sub === 'public-form',
    );
    residentFeedbackId = submitted[0]?.data.feedbackId as string;
  });
  afterAll(() => ledger.close());

  it("lists a person's events and every field sealed for them, opened", async () => {
    const body = await report('person/assoc-nadia');
    expect(body.subject).toEqual({ kind: 'person', personId: 'assoc-nadia' });
    expect(body.eventsRecorded.map(({ stream, type }) => [stream, type])).toEqual([
      ['conflict-harmony--noise', 'ConflictRaised'],
      ['feedback-harmony--nadia-note', 'FeedbackSubmitted'],
    ]);
    expect(placesOf(body)).toEqual(sealedFor(await logEvents(), ['assoc-nadia']));
    expect(body.personalFields).toEqual([
      expect.objectContaining({
        type: 'ConflictRaised',
        path: 'subject.description',
        keySubject: 'assoc-nadia',
        state: 'open',
        value: 'Noise in the courtyard',
      }),
      expect.objectContaining({
        type: 'ConflictRaised',
        path: 'summary',
        keySubject: 'assoc-nadia',
        state: 'open',
        value: 'Nadia heard the courtyard gate slam every night at 2am',
      }),
      expect.objectContaining({
        type: 'FeedbackSubmitted',
        path: 'text',
        state: 'open',
        value: 'Nadia thinks the Wednesday meetings run late',
      }),
    ]);
    expect(body.readModels).toEqual([
      {
        readModel: 'conflict_cases',
        id: 'harmony--noise',
        fields: ['subject.description', 'summary'],
      },
      { readModel: 'impact', id: 'harmony--nadia-note', fields: ['text'] },
    ]);
  });

  it("lists a resident's text and contact, opened; an erased contact shows the marker", async () => {
    const subjects = [residentOf(residentFeedbackId), residentContactOf(residentFeedbackId)];
    const before = await report(`resident/${residentFeedbackId}`);
    expect(before.keySubjects).toEqual(subjects);
    expect(before.eventsRecorded).toEqual([]);
    expect(placesOf(before)).toEqual(sealedFor(await logEvents(), subjects));
    expect(before.personalFields.map(({ path, state, value }) => [path, state, value])).toEqual([
      ['contact', 'open', { email: 'resident.4@example.org', phone: '06 12 34 56 78' }],
      ['text', 'open', 'I live at 4 rue des Tilleuls and the lights are out'],
    ]);

    // The contact of Nadia's feedback is the contact's subject alone, not Nadia's.
    const noteContact = await report('resident/harmony--nadia-note');
    expect(noteContact.personalFields.map(({ path, value }) => [path, value])).toEqual([
      ['contact', { email: 'nadia.b@assoc.example' }],
    ]);

    ledger.app
      .get<KeyStore>(PERSONAL_DATA_KEYS)
      .destroySubjectKeys(residentContactOf(residentFeedbackId), new Date());
    const after = await report(`resident/${residentFeedbackId}`);
    expect(after.personalFields.map(({ path, state, value }) => [path, state, value])).toEqual([
      ['contact', 'erased', expect.stringMatching(/^\[erased \d{4}-\d{2}-\d{2}\]$/)],
      ['text', 'open', 'I live at 4 rue des Tilleuls and the lights are out'],
    ]);
  });

  it('answers CSV that parses, one record per line of the report', async () => {
    const response = await api
      .get('/data-subjects/person/assoc-nadia/report?format=csv')
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="subject-access-assoc-nadia.csv"',
    );
    const rows = csvObjects(response.text);
    const json = await report('person/assoc-nadia');
    expect(rows.filter((row) => row.section === 'event-recorded')).toEqual(
      json.eventsRecorded.map((event): unknown =>
        expect.objectContaining({ ...event, section: 'event-recorded' }),
      ),
    );
    expect(
      rows
        .filter((row) => row.section === 'personal-field')
        .map(({ position, field, state, value }) => [position, field, state, value]),
    ).toEqual(
      json.personalFields.map(({ position, path, state, value }) => [position, path, state, value]),
    );
    expect(rows.filter((row) => row.section === 'read-model').map((row) => row.value)).toEqual([
      'harmony--noise',
      'harmony--nadia-note',
    ]);
  });

  it('is for administrators only, 404 for someone the ledger knows nothing of, 400 for a bad format', async () => {
    for (const viewer of [nadia, auditor, partner('city')]) {
      expectProblem(
        await api.get('/data-subjects/person/assoc-nadia/report', viewer),
        403,
        'forbidden',
      );
      expectProblem(
        await api.get(`/data-subjects/resident/${residentFeedbackId}/report`, viewer),
        403,
        'forbidden',
      );
    }
    expectProblem(await api.get('/data-subjects/person/nobody-here/report'), 404, 'not-found');
    expectProblem(
      await api.get('/data-subjects/resident/harmony--nothing/report'),
      404,
      'not-found',
    );
    expectProblem(
      await api.get('/data-subjects/person/assoc-nadia/report?format=xml'),
      400,
      'bad-request',
    );
  });
});
