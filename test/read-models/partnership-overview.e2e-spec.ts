import type {
  MeetingView,
  PartnershipOverviewView,
  PartnershipSummaryView,
} from '@cohesion/projections';
import { HALL_CLAUSES } from '../support/agreements-fixtures';
import { makeCommitment } from '../support/commitments-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { expectProblem, type LedgerClient, ledgerClient, partner } from '../support/ledger-client';
import { partnershipWith } from '../support/partnership-fixtures';

interface Page<T> {
  items: T[];
  next: string | null;
}

describe('partnership overview read model through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  const get = async <T>(path: string) => (await api.get(path).expect(200)).body as T;
  const meeting = (meetingId: string, heldOn: string, decisions: string[]) =>
    api
      .post('/partnerships/youth/meetings', {
        meetingId,
        heldOn,
        attendees: ['city', 'acme'],
        decisions,
      })
      .expect(201);

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    await partnershipWith(api, 'youth', { city: 'local_authority', acme: 'company', sos: 'ngo' });
    await partnershipWith(api, 'elders', { city: 'local_authority' });
    await api
      .post('/partnerships', {
        partnershipId: 'harbour',
        name: 'Harbour',
        purpose: 'Intercultural dialogue',
        territory: 'Southside',
        neighbourhoods: [],
      })
      .expect(201);
    await api
      .put('/partnerships/youth/partners/acme/role', {
        role: 'lead',
        responsibilities: ['funding', 'coordination'],
      })
      .expect(200);
    await api.post('/partnerships/youth/partners/sos/departure', { reason: 'merged' }).expect(200);
    for (const objectiveId of ['dropout', 'sport', 'music']) {
      await api
        .post('/partnerships/youth/objectives', {
          objectiveId,
          title: `Objective ${objectiveId}`,
          description: 'by 2028',
        })
        .expect(201);
    }
    await api
      .post('/partnerships/youth/objectives/dropout/achievement', { evidence: 'Evaluation 2028' })
      .expect(200);
    await api
      .post('/partnerships/youth/objectives/music/retirement', { reason: 'No teacher found' })
      .expect(200);
    await meeting('kick-off', '2026-01-15', ['Tutoring starts in February', 'Meet monthly']);
    await meeting('review', '2026-03-10', ['Open the hall on Wednesdays']);
    await meeting('february', '2026-02-12', []);
    await makeCommitment(api, 'youth', 'tutoring', 'city').expect(201);
    await makeCommitment(api, 'youth', 'coaching', 'acme').expect(201);
    await api
      .post(
        '/contributions',
        {
          contributionId: 'club-hours',
          partnershipId: 'youth',
          kind: 'volunteer_time',
          quantity: 12,
          unit: 'hours',
          date: '2026-02-14',
          description: 'Homework club',
        },
        partner('acme'),
      )
      .expect(201);
    await api
      .post(
        '/agreements',
        {
          agreementId: 'hall',
          partnershipId: 'youth',
          title: 'Hall',
          parties: ['city', 'acme'],
          clauses: HALL_CLAUSES,
        },
        partner('city'),
      )
      .expect(201);
    await api
      .post(
        '/conflicts',
        {
          conflictId: 'keys',
          partnershipId: 'youth',
          parties: ['city'],
          subject: { kind: 'free', description: 'Keys of the hall' },
          summary: 'The hall was locked on two Wednesdays',
        },
        partner('acme'),
      )
      .expect(201);
  });
  afterAll(() => ledger.close());

  it('answers a partnership with its partners, who left, its objectives and its counts', async () => {
    const youth = await get<PartnershipOverviewView>('/partnerships/youth');
    expect(youth).toMatchObject({
      partnershipId: 'youth',
      name: 'Partnership youth',
      territory: 'Northside',
      neighbourhoods: ['Les Tilleuls', 'La Source'],
      status: 'active',
      lastMeetingOn: '2026-03-10',
      counts: {
        members: 2,
        formerMembers: 1,
        objectives: { open: 1, achieved: 1, retired: 1 },
        meetings: 3,
        decisions: 3,
        commitments: 2,
        contributions: 1,
        agreements: 1,
        conflicts: 1,
      },
    });
    expect(
      youth.partners.map(({ partnerId, kind, role, responsibilities }) => ({
        partnerId,
        kind,
        role,
        responsibilities,
      })),
    ).toEqual([
      {
        partnerId: 'city',
        kind: 'local_authority',
        role: 'member',
        responsibilities: ['evaluation'],
      },
      {
        partnerId: 'acme',
        kind: 'company',
        role: 'lead',
        responsibilities: ['funding', 'coordination'],
      },
    ]);
    expect(youth.formerPartners).toEqual([
      expect.objectContaining({
        partnerId: 'sos',
        kind: 'ngo',
        status: 'left',
        leftReason: 'merged',
      }),
    ]);
    expect(youth.objectives.map(({ objectiveId, status }) => [objectiveId, status])).toEqual([
      ['dropout', 'achieved'],
      ['sport', 'open'],
      ['music', 'retired'],
    ]);
    expect(youth.objectives[0]).toMatchObject({ evidence: 'Evaluation 2028' });
  });

  it('lists partnerships by id, filtered by status and territory, with cursors', async () => {
    const ids = async (query: string) =>
      (await get<Page<PartnershipSummaryView>>(`/partnerships?${query}`)).items.map(
        (item) => item.partnershipId,
      );
    expect(await ids('')).toEqual(['elders', 'harbour', 'youth']);
    expect(await ids('territory=Northside')).toEqual(['elders', 'youth']);
    expect(await ids('status=founded')).toEqual(['harbour']);
    expect(await ids('status=active&territory=Southside')).toEqual([]);
    const first = await get<Page<PartnershipSummaryView>>('/partnerships?limit=2');
    expect(first.items.map((item) => item.partnershipId)).toEqual(['elders', 'harbour']);
    const second = await get<Page<PartnershipSummaryView>>(
      `/partnerships?limit=2&cursor=${first.next ?? ''}`,
    );
    expect(second).toEqual({
      items: [
        expect.objectContaining({
          partnershipId: 'youth',
          counts: expect.objectContaining({ commitments: 2 }) as unknown,
        }),
      ],
      next: null,
    });
  });

  it('lists the meetings of a partnership by the day held, with their decisions', async () => {
    const page = await get<Page<MeetingView>>('/partnerships/youth/meetings');
    expect(page.items.map((item) => [item.meetingId, item.heldOn, item.decisions.length])).toEqual([
      ['kick-off', '2026-01-15', 2],
      ['february', '2026-02-12', 0],
      ['review', '2026-03-10', 1],
    ]);
    expect(page.items[0]).toMatchObject({
      attendees: ['city', 'acme'],
      decisions: ['Tutoring starts in February', 'Meet monthly'],
    });
    const between = await get<Page<MeetingView>>(
      '/partnerships/youth/meetings?from=2026-02-01&to=2026-03-31&limit=1',
    );
    expect(between.items.map((item) => item.meetingId)).toEqual(['february']);
    const rest = await get<Page<MeetingView>>(
      `/partnerships/youth/meetings?from=2026-02-01&to=2026-03-31&limit=1&cursor=${between.next ?? ''}`,
    );
    expect(rest).toEqual({ items: [expect.objectContaining({ meetingId: 'review' })], next: null });
  });

  it('follows the partnership through suspension and closure', async () => {
    await api.post('/partnerships/elders/suspension', { reason: 'Audit' }).expect(200);
    expect(await get<PartnershipOverviewView>('/partnerships/elders')).toMatchObject({
      status: 'suspended',
      statusReason: 'Audit',
    });
    await api.post('/partnerships/elders/reactivation', {}).expect(200);
    await api.post('/partnerships/elders/closure', { reason: 'Programme ended' }).expect(200);
    expect(await get<PartnershipOverviewView>('/partnerships/elders')).toMatchObject({
      status: 'closed',
      statusReason: 'Programme ended',
      revision: '4',
    });
  });

  it('answers 404 for a partnership never founded and 400 for bad parameters', async () => {
    expectProblem(await api.get('/partnerships/nowhere'), 404, 'not-found');
    expectProblem(await api.get('/partnerships/nowhere/meetings'), 404, 'not-found');
    expectProblem(await api.get('/partnerships?status=dormant'), 400, 'bad-request');
    expectProblem(await api.get('/partnerships?limit=501'), 400, 'bad-request');
    expectProblem(await api.get('/partnerships/youth/meetings?from=March'), 400, 'bad-request');
    const positionCursor = Buffer.from(JSON.stringify([3])).toString('base64url');
    expectProblem(
      await api.get(`/partnerships/youth/meetings?cursor=${positionCursor}`),
      400,
      'bad-request',
    );
  });
});
