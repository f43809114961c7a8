import { foundPartnership } from '../support/indicators-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  expectProblem,
  type LedgerClient,
  ledgerClient,
  partner,
  type Principal,
} from '../support/ledger-client';

interface RecordedEvent {
  type: string;
  data: Record<string, unknown>;
  metadata: { actor: Principal };
}

describe('feedback through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  const resident: Principal = { sub: 'resident-42' };
  const city = partner('city');
  const tenants = partner('tenants');
  const contact = { name: 'A. Resident', email: 'resident@example.org' };

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    await foundPartnership(api, 'northside');
    await api
      .post('/partnerships/northside/objectives', {
        objectiveId: 'belonging',
        title: 'Residents feel they belong',
        description: 'Raise the sense of belonging to 3.6 by 2028',
      })
      .expect(201);
    await api
      .post('/partnerships/northside/meetings', {
        meetingId: 'evening-2026-11',
        heldOn: '2026-11-05',
        attendees: ['city', 'tenants'],
        decisions: ['Hold the next meetings in the evening'],
      })
      .expect(201);
  });
  afterAll(() => ledger.close());

  const submission = (changes: object = {}) => ({
    partnershipId: 'northside',
    subject: { kind: 'objective', objectiveId: 'belonging' },
    rating: 4,
    text: 'The evening meeting was easy to attend; please keep the childcare corner.',
    channel: 'web',
    submitterCategory: 'resident',
    ...changes,
  });
  const submit = (changes: object = {}, as: Principal = resident) =>
    api.post('/feedback', submission(changes), as);
  const eventsOf = async (stream: string) =>
    ((await api.get(`/streams/${stream}/events`).expect(200)).body as { events: RecordedEvent[] })
      .events;
  const stateOf = async (stream: string) =>
    ((await api.get(`/streams/${stream}/state`).expect(200)).body as { state: object }).state;

  it('is submitted with or without contact, acknowledged and acted on, each by its principal', async () => {
    const withContact = await submit({ feedbackId: 'childcare', contact }).expect(201);
    expect(withContact.body).toEqual({
      id: 'northside--childcare',
      stream: 'feedback-northside--childcare',
      revision: '0',
      position: expect.stringMatching(/^\d+$/) as unknown,
      events: ['FeedbackSubmitted'],
    });
    // A paper form typed in by a partner's officer: anonymous, unrated, about the partnership.
    const { rating: _rating, ...unrated } = submission({
      subject: { kind: 'partnership' },
      channel: 'paper',
      text: 'More benches in the square, please.',
    });
    const anonymous = await api.post('/feedback', unrated, city).expect(201);
    const paperStream = (anonymous.body as { stream: string }).stream;
    expect(paperStream).toMatch(/^feedback-northside--[0-9a-f-]{36}$/);
    await submit({
      feedbackId: 'meeting-noise',
      subject: { kind: 'meeting', meetingId: 'evening-2026-11' },
      rating: 2,
      submitterCategory: 'stakeholder',
      channel: 'phone',
      contact: { phone: '+33 6 12 34 56 78' },
    }).expect(201);
    await submit({
      feedbackId: 'tutoring',
      subject: { kind: 'commitment', commitmentId: 'tutoring-2026' },
      submitterCategory: 'partner',
    }).expect(201);

    // Who acknowledges is the principal: a name in the body is not even read.
    const acknowledged = await api
      .post('/feedback/northside--childcare/acknowledgement', { acknowledgedBy: 'the-mayor' }, city)
      .expect(200);
    expect(acknowledged.body).toMatchObject({ revision: '1', events: ['FeedbackAcknowledged'] });
    const actedOn = await api
      .post(
        '/feedback/northside--childcare/action',
        {
          action: 'Childcare is now planned for every evening meeting',
          references: [
            { kind: 'meeting', id: 'evening-2026-12' },
            { kind: 'commitment', id: 'childcare-2027' },
          ],
        },
        tenants,
      )
      .expect(200);
    expect(actedOn.body).toMatchObject({ revision: '2', events: ['FeedbackActedOn'] });
    // Acting on feedback needs no acknowledgement first.
    await api
      .post(`/feedback/${paperStream.replace('feedback-', '')}/action`, {
        action: 'Two benches ordered for the square',
      })
      .expect(200);

    const events = await eventsOf('feedback-northside--childcare');
    expect(events.map((event) => [event.type, event.metadata.actor.sub])).toEqual([
      ['FeedbackSubmitted', resident.sub],
      ['FeedbackAcknowledged', city.sub],
      ['FeedbackActedOn', tenants.sub],
    ]);
    expect(events[0].data).toMatchObject({ contact, rating: 4 });
    expect(events[1].data).toEqual({
      feedbackId: 'northside--childcare',
      acknowledgedBy: city.sub,
    });
    expect(events[2].data).toMatchObject({
      markedBy: tenants.sub,
      references: [
        { kind: 'meeting', id: 'evening-2026-12' },
        { kind: 'commitment', id: 'childcare-2027' },
      ],
    });
    const [paper] = await eventsOf(paperStream);
    expect(paper.data).not.toHaveProperty('contact');
    expect(paper.data).not.toHaveProperty('rating');

    // The folded state says whether a contact exists, never what it is.
    const state = await stateOf('feedback-northside--childcare');
    expect(state).toEqual({
      status: 'acted_on',
      feedbackId: 'northside--childcare',
      partnershipId: 'northside',
      subject: { kind: 'objective', objectiveId: 'belonging' },
      hasContact: true,
      acknowledgedBy: city.sub,
      actedOnBy: tenants.sub,
    });
    expect(JSON.stringify(state)).not.toContain(contact.email);
    expect(await stateOf(paperStream)).toMatchObject({ status: 'acted_on', hasContact: false });
  });

  it('accepts nothing more once acted on (422), recording nothing', async () => {
    await submit({ feedbackId: 'done' }).expect(201);
    await api
      .post('/feedback/northside--done/action', { action: 'Answered at the meeting' })
      .expect(200);
    const before = await api.logSize();
    expectProblem(
      await api.post('/feedback/northside--done/acknowledgement', {}),
      422,
      'feedback-acted-on',
    );
    expectProblem(
      await api.post('/feedback/northside--done/action', { action: 'Answered again' }),
      422,
      'feedback-acted-on',
    );
    expect(await api.logSize()).toBe(before);
  });

  it('is still heard after its partnership closed', async () => {
    await foundPartnership(api, 'ended', {});
    await api.post('/partnerships/ended/closure', { reason: 'programme ended' }).expect(200);
    await submit({ partnershipId: 'ended', subject: { kind: 'partnership' } }).expect(201);
  });

  describe('rules', () => {
    beforeAll(async () => {
      await submit({ feedbackId: 'rules' }).expect(201);
      await api.post('/feedback/northside--rules/acknowledgement', {}).expect(200);
    });

    it.each<[string, () => ReturnType<LedgerClient['post']>]>([
      ['feedback-already-submitted', () => submit({ feedbackId: 'rules' })],
      ['feedback-partnership-unknown', () => submit({ partnershipId: 'nowhere' })],
      ['feedback-rating-out-of-range', () => submit({ rating: 6 })],
      ['feedback-rating-out-of-range', () => submit({ rating: 0 })],
      ['feedback-rating-out-of-range', () => submit({ rating: 3.5 })],
      ['feedback-text-required', () => submit({ text: '   ' })],
      [
        'feedback-already-acknowledged',
        () => api.post('/feedback/northside--rules/acknowledgement', {}, city),
      ],
      [
        'feedback-action-required',
        () => api.post('/feedback/northside--rules/action', { action: '  ' }),
      ],
    ])('refuses with 422 %s, recording nothing', async (rule, send) => {
      const before = await api.logSize();
      expectProblem(await send(), 422, rule);
      expect(await api.logSize()).toBe(before);
    });

    it('answers 404 for feedback never submitted, recording nothing', async () => {
      const before = await api.logSize();
      expectProblem(await api.post('/feedback/nowhere/acknowledgement', {}), 404, 'not-found');
      expectProblem(await api.post('/feedback/nowhere/action', { action: 'x' }), 404, 'not-found');
      expectProblem(await api.get('/streams/feedback-nowhere/state'), 404, 'not-found');
      expect(await api.logSize()).toBe(before);
    });
  });

  describe('bad shapes', () => {
    beforeAll(() => submit({ feedbackId: 'shapes' }).expect(201));

    it.each<[string, object]>([
      ['an unknown subject kind', { subject: { kind: 'mayor' } }],
      ['a subject without kind', { subject: { objectiveId: 'belonging' } }],
      ['an objective subject without its id', { subject: { kind: 'objective' } }],
      [
        "another kind's id on the subject",
        { subject: { kind: 'objective', objectiveId: 'belonging', meetingId: 'm1' } },
      ],
      ['an id on a partnership subject', { subject: { kind: 'partnership', meetingId: 'm1' } }],
      ['a subject id that is not a ledger id', { subject: { kind: 'meeting', meetingId: '../x' } }],
      ['a subject id that is a number', { subject: { kind: 'commitment', commitmentId: 7 } }],
      ['an unknown field on the subject', { subject: { kind: 'partnership', note: 'x' } }],
      ['a subject as text', { subject: 'partnership' }],
      ['a subject as a list', { subject: [{ kind: 'partnership' }] }],
      ['a null subject', { subject: null }],
      ['a rating as text', { rating: '4' }],
      ['a null rating', { rating: null }],
      ['no text', { text: undefined }],
      ['an unknown channel', { channel: 'pigeon' }],
      ['an unknown submitter category', { submitterCategory: 'mayor' }],
      ['an empty contact', { contact: {} }],
      ['a null contact', { contact: null }],
      ['a contact as text', { contact: 'resident@example.org' }],
      ['a contact with a bad email', { contact: { email: 'not-an-email' } }],
      ['a contact with a bad phone', { contact: { phone: 'call me' } }],
      ['a contact with an empty name', { contact: { name: '' } }],
      ['a contact with an unknown field', { contact: { name: 'A', birthDate: '1990-01-01' } }],
      ['an unknown field', { submittedBy: 'the-mayor' }],
    ])('refuses a submission with %s: 400, recording nothing', async (_case, changes) => {
      const before = await api.logSize();
      const response = await submit({ feedbackId: 'bad', ...changes });
      expectProblem(response, 400, 'bad-request');
      expect((response.body as { errors: string[] }).errors.length).toBeGreaterThan(0);
      expect(await api.logSize()).toBe(before);
    });

    it.each<[string, object]>([
      ['no action', {}],
      ['who marks it, in the body', { action: 'Done', markedBy: 'the-mayor' }],
      ['references that are not a list', { action: 'Done', references: { kind: 'meeting' } }],
      ['a null reference list', { action: 'Done', references: null }],
      ['a reference of unknown kind', { action: 'Done', references: [{ kind: 'tweet', id: 'x' }] }],
      ['a reference without id', { action: 'Done', references: [{ kind: 'meeting' }] }],
      ['a blank reference id', { action: 'Done', references: [{ kind: 'meeting', id: ' ' }] }],
      ['a reference as text', { action: 'Done', references: ['evening-2026-12'] }],
    ])('refuses an action with %s: 400, recording nothing', async (_case, body) => {
      const before = await api.logSize();
      expectProblem(await api.post('/feedback/northside--shapes/action', body), 400, 'bad-request');
      expect(await api.logSize()).toBe(before);
    });

    it('refuses a path id that is not a ledger id', async () => {
      expectProblem(await api.post('/feedback/-x/acknowledgement', {}), 400, 'bad-request');
    });
  });
});
