import { EVENT_STORE, type EventStore, hashEvent, type RecordedEvent } from '@cohesion/event-store';
import type { InclusionProofDocument, PublicKeyDocument } from '@cohesion/application';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  admin,
  expectProblem,
  type LedgerClient,
  ledgerClient,
  partner,
  type Principal,
} from '../support/ledger-client';
import { checkInclusion, verifiedHead } from '../verifiable-history/verifier-checks';

/** A day `days` before today, as the ledger's partnerships count days (Europe/Paris). */
function daysAgo(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - days);
  return day.toISOString().slice(0, 10);
}

const FOUNDED = daysAgo(425); // about 14 months ago
const city = partner('city');
const youthClub = partner('youth-club');
const auditor: Principal = { sub: 'auditor-1', roles: ['auditor'] };
const past = (days: number, reason = 'Entered from the programme binder') => ({
  effectiveDate: daysAgo(days),
  backfillReason: reason,
});

interface CommitmentAnswer {
  status: string;
  madeOn: string;
  deliveredOn: string | null;
  fulfilledOnTime: boolean | null;
  overdue: boolean;
  backfilled: boolean;
  backfillReason: string | null;
  statusHistory: { to: string; effectiveDate: string; backfilled: boolean }[];
}

interface AccountabilityAnswer {
  summary: { made: number; fulfilled: number; overdue: number; fulfilledOnTime: number };
}

/**
 * A partnership that enters its whole past: founded 14 months ago, commitments due and delivered
 * months ago, one delivered late by its effective date and recorded later still. Every act is
 * back-filled (with its reason), judged by when it happened, and readable as the world stood on a
 * day (asOf) and as the ledger knew it at an instant (knownAt).
 */
describe('a partnership entering its past (effective dates, back-filling, point-in-time reads)', () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  let store: EventStore;
  /** An instant after the tutoring was recorded, before the venue's late delivery was. */
  let beforeTheVenueWasRecorded: string;

  const post = (path: string, body: object, as: Principal = admin) =>
    api.post(path, body, as).expect((response) => {
      if (response.status >= 300) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
    });
  const get = async <T>(path: string, as: Principal = admin): Promise<T> =>
    (await api.get(path, as).expect(200)).body as T;

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    store = ledger.app.get<EventStore>(EVENT_STORE);
    await post('/partnerships', {
      partnershipId: 'youth',
      name: 'Youth programme',
      purpose: 'Keep 15-18 year olds in school and training',
      territory: 'Northside',
      neighbourhoods: ['Les Tilleuls'],
      ...past(425, 'The programme began before the ledger'),
    });
    for (const partnerId of ['city', 'youth-club']) {
      await post('/partnerships/youth/partners', {
        partnerId,
        name: partnerId,
        kind: partnerId === 'city' ? 'local_authority' : 'association',
        role: 'member',
        responsibilities: ['delivery'],
        ...past(420),
      });
    }
    // Tutoring: made 400 days ago, due 200 days ago, delivered 210 days ago: on time.
    await post(
      '/commitments',
      {
        commitmentId: 'tutoring',
        partnershipId: 'youth',
        kind: 'volunteer_time',
        what: 'Ten hours of tutoring',
        dueDate: daysAgo(200),
        quantity: 10,
        unit: 'hours',
        beneficiary: { kind: 'group', name: 'Pupils of Les Tilleuls' },
        ...past(400),
      },
      youthClub,
    );
    await post('/commitments/youth--tutoring/acceptance', past(399), city);
    await post(
      '/contributions',
      {
        contributionId: 'tutoring-spring',
        partnershipId: 'youth',
        kind: 'volunteer_time',
        quantity: 10,
        unit: 'hours',
        date: daysAgo(210),
        description: 'Tutoring, spring term',
        commitmentId: 'youth--tutoring',
        ...past(210),
      },
      youthClub,
    );
    await post(
      '/commitments/youth--tutoring/fulfilment-claims/contribution-youth--tutoring-spring/confirmation',
      past(205),
      city,
    );
    // The venue: made 380 days ago, due 250 days ago, delivered 240 days ago (late), and recorded
    // only after `beforeTheVenueWasRecorded`.
    await post(
      '/commitments',
      {
        commitmentId: 'venue',
        partnershipId: 'youth',
        kind: 'venue',
        what: 'Five days of the sports hall',
        dueDate: daysAgo(250),
        quantity: 5,
        unit: 'days',
        beneficiary: { kind: 'partner', partnerId: 'youth-club' },
        ...past(380),
      },
      city,
    );
    await post('/commitments/youth--venue/acceptance', past(379), youthClub);
    beforeTheVenueWasRecorded = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await post(
      '/contributions',
      {
        contributionId: 'hall-days',
        partnershipId: 'youth',
        kind: 'venue',
        quantity: 5,
        unit: 'days',
        date: daysAgo(240),
        description: 'Sports hall, five days',
        commitmentId: 'youth--venue',
        ...past(240, 'The booking sheet turned up in the archive'),
      },
      city,
    );
    const confirmed = await post(
      '/commitments/youth--venue/fulfilment-claims/contribution-youth--hall-days/confirmation',
      past(235),
      youthClub,
    );
    const position = (confirmed.body as { position: string }).position;
    await api.get(`/commitments/youth--venue?minPosition=${position}`).expect(200);
  });
  afterAll(() => ledger.close());

  it('judges on time by the day delivered, not the day recorded', async () => {
    const tutoring = await get<CommitmentAnswer>('/commitments/youth--tutoring');
    expect(tutoring).toMatchObject({
      status: 'fulfilled',
      madeOn: daysAgo(400),
      deliveredOn: daysAgo(210),
      fulfilledOnTime: true,
    });
    const venue = await get<CommitmentAnswer>('/commitments/youth--venue');
    expect(venue).toMatchObject({
      status: 'fulfilled',
      deliveredOn: daysAgo(240),
      fulfilledOnTime: false,
    });
    const report = await get<AccountabilityAnswer>('/partnerships/youth/accountability');
    expect(report.summary).toMatchObject({ made: 2, fulfilled: 2, fulfilledOnTime: 1 });
  });

  it('marks every back-filled act, with its reason, in the read models and the audit trail', async () => {
    const tutoring = await get<CommitmentAnswer>('/commitments/youth--tutoring');
    expect(tutoring).toMatchObject({
      backfilled: true,
      backfillReason: 'Entered from the programme binder',
    });
    expect(tutoring.statusHistory.map(({ to, effectiveDate }) => [to, effectiveDate])).toEqual([
      ['made', daysAgo(400)],
      ['accepted', daysAgo(399)],
      ['in_progress', daysAgo(205)],
      ['fulfilled', daysAgo(205)],
    ]);
    expect(tutoring.statusHistory.every((change) => change.backfilled)).toBe(true);
    const contributions = await get<{
      items: { contributionId: string; backfilled: boolean; backfillReason: string | null }[];
    }>('/contributions?partnershipId=youth');
    expect(contributions.items).toContainEqual(
      expect.objectContaining({
        contributionId: 'youth--hall-days',
        backfilled: true,
        backfillReason: 'The booking sheet turned up in the archive',
      }),
    );
    const partnership = await get<{
      foundedOn: string;
      backfilled: boolean;
      partners: { joinedOn: string; backfilled: boolean }[];
    }>('/partnerships/youth');
    expect(partnership).toMatchObject({ foundedOn: FOUNDED, backfilled: true });
    expect(partnership.partners.map(({ joinedOn, backfilled }) => [joinedOn, backfilled])).toEqual([
      [daysAgo(420), true],
      [daysAgo(420), true],
    ]);
    const trail = await get<{
      items: { type: string; effectiveDate: string; backfilled: boolean }[];
    }>('/audit-trail?backfilled=true&limit=100', auditor);
    expect(trail.items.length).toBeGreaterThanOrEqual(12);
    expect(trail.items.every((entry) => entry.backfilled)).toBe(true);
    expect(trail.items[0]).toMatchObject({ type: 'PartnershipFounded', effectiveDate: FOUNDED });
    const inTime = await get<{ items: { backfilled: boolean }[] }>(
      '/audit-trail?backfilled=false&limit=100',
      auditor,
    );
    expect(inTime.items.some((entry) => entry.backfilled)).toBe(false);
  });

  it('answers asOf a day: the world as it stood then, whatever was recorded since', async () => {
    // 390 days ago the tutoring was made and accepted; the venue was not yet committed.
    const then = await get<AccountabilityAnswer>(
      `/partnerships/youth/accountability?asOf=${daysAgo(390)}`,
    );
    expect(then.summary).toMatchObject({ made: 1, fulfilled: 0, overdue: 0 });
    await api.get(`/commitments/youth--venue?asOf=${daysAgo(390)}`).expect(404);
    // 220 days ago the tutoring was still open and overdue was judged that day: not yet due.
    const tutoring = await get<CommitmentAnswer>(
      `/commitments/youth--tutoring?asOf=${daysAgo(220)}`,
    );
    expect(tutoring).toMatchObject({ status: 'accepted', overdue: false });
    // 245 days ago the venue was due and not delivered: overdue, as it stood.
    const venue = await get<CommitmentAnswer>(`/commitments/youth--venue?asOf=${daysAgo(245)}`);
    expect(venue).toMatchObject({ status: 'accepted', overdue: true });
  });

  it('answers knownAt an instant: the ledger as it stood, before the late records came in', async () => {
    const known = encodeURIComponent(beforeTheVenueWasRecorded);
    const venue = await get<CommitmentAnswer>(`/commitments/youth--venue?knownAt=${known}`);
    expect(venue).toMatchObject({ status: 'accepted', deliveredOn: null });
    const report = await get<AccountabilityAnswer>(
      `/partnerships/youth/accountability?knownAt=${known}`,
    );
    expect(report.summary).toMatchObject({ made: 2, fulfilled: 1, overdue: 1 });
    const contributions = await get<{ items: { contributionId: string }[] }>(
      `/contributions?partnershipId=youth&knownAt=${known}`,
    );
    expect(contributions.items.map((item) => item.contributionId)).toEqual([
      'youth--tutoring-spring',
    ]);
    // Today, the same questions answer with what was recorded since.
    const now = await get<AccountabilityAnswer>('/partnerships/youth/accountability');
    expect(now.summary).toMatchObject({ fulfilled: 2, overdue: 0 });
  });

  it('hashes and proves back-filled events like any other', async () => {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    const founded = events.find((event) => event.type === 'PartnershipFounded') as RecordedEvent;
    expect(founded.metadata).toMatchObject({
      effectiveDate: FOUNDED,
      backfillReason: 'The programme began before the ledger',
    });
    const proof = await get<InclusionProofDocument>(
      `/verifiable-history/inclusion-proof?eventId=${founded.id}`,
      auditor,
    );
    expect(proof.eventHash).toBe(hashEvent(founded));
    const { pem } = await get<PublicKeyDocument>('/verifiable-history/public-key', auditor);
    checkInclusion(proof, await verifiedHead(proof.treeHead!, pem));
  });

  it('refuses an act in the future, one before what it concerns began, and an unexplained back-fill', async () => {
    const joining = (extra: object) => ({
      partnerId: 'bakery',
      name: 'bakery',
      kind: 'company',
      role: 'member',
      responsibilities: [],
      ...extra,
    });
    expectProblem(
      await api.post('/partnerships/youth/partners', joining({ effectiveDate: daysAgo(-2) })),
      422,
      'act-date-in-the-future',
    );
    expectProblem(
      await api.post('/partnerships/youth/partners', joining(past(430))),
      422,
      'act-date-before-start',
    );
    expectProblem(
      await api.post('/partnerships/youth/partners', joining({ effectiveDate: daysAgo(30) })),
      422,
      'act-backfill-reason-required',
    );
    await api
      .post('/partnerships/youth/partners', joining({ effectiveDate: daysAgo(3) }))
      .expect(201);
  });

  it('refuses a knownAt that is not an instant with its offset', async () => {
    const response = await api.get(
      '/partnerships/youth/accountability?knownAt=2026-07-01T10:00:00',
    );
    expectProblem(response, 400, 'bad-request');
    expect(JSON.stringify(response.body)).toContain('knownAt must be an instant with its offset');
  });
});
