import {
  acceptedCommitment,
  DUE_DATE,
  makeCommitment,
  partnershipWith,
} from '../support/commitments-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { expectProblem, type LedgerClient, ledgerClient, partner } from '../support/ledger-client';

const acme = partner('acme');
const sos = partner('sos');
const city = partner('city');

interface CommitmentItem {
  commitmentId: string;
  status: string;
  overdue: boolean;
}
interface CommitmentPage {
  items: CommitmentItem[];
  next: string | null;
}
const ids = (page: { items: { commitmentId: string }[] }) => page.items.map((c) => c.commitmentId);

describe('accountability read model through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  const get = async <T>(path: string) => (await api.get(path).expect(200)).body as T;

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    await partnershipWith(api, 'tilleuls', ['acme', 'sos', 'city']);

    // acme: 40 hours of tutoring, delivered in two confirmed claims after a disputed one.
    await acceptedCommitment(api, 'tilleuls', 'tutoring', 'acme', 'sos', {
      quantity: 40,
      unit: 'hours',
    });
    const claim = (claimId: string, quantity: number) =>
      api
        .post(
          '/commitments/tilleuls--tutoring/fulfilment-claims',
          { claimId, evidence: `Attendance sheets ${claimId}`, quantity },
          acme,
        )
        .expect(201);
    const settle = (claimId: string, how: 'confirmation' | 'dispute') =>
      api
        .post(
          `/commitments/tilleuls--tutoring/fulfilment-claims/${claimId}/${how}`,
          how === 'dispute' ? { reason: 'No sheet for that week' } : {},
          city,
        )
        .expect(200);
    await claim('oct', 25);
    await settle('oct', 'confirmation');
    await claim('nov', 15);
    await settle('nov', 'dispute');
    await claim('dec', 15);
    await settle('dec', 'confirmation');

    // sos: a venue for acme, renegotiated to a later date, still open.
    await api
      .post(
        '/commitments',
        {
          commitmentId: 'venue',
          partnershipId: 'tilleuls',
          objectiveId: 'dropout',
          what: 'The community hall on Wednesdays',
          dueDate: '2099-03-31',
          beneficiary: { kind: 'partner', partnerId: 'acme' },
          kind: 'venue',
        },
        sos,
      )
      .expect(201);
    await api
      .put(
        '/commitments/tilleuls--venue/terms',
        {
          what: 'The community hall on Wednesdays',
          dueDate: '2099-05-31',
          reason: 'Works in the hall',
        },
        sos,
      )
      .expect(200);

    // sos: ten meals, five delivered, closed as partial by acme.
    await acceptedCommitment(api, 'tilleuls', 'meals', 'sos', 'acme', {
      quantity: 10,
      unit: 'meals',
    });
    await api
      .post(
        '/commitments/tilleuls--meals/fulfilment-claims',
        { claimId: 'm1', evidence: 'Receipts', quantity: 5 },
        sos,
      )
      .expect(201);
    await api
      .post('/commitments/tilleuls--meals/fulfilment-claims/m1/confirmation', {}, acme)
      .expect(200);
    await api
      .post('/commitments/tilleuls--meals/partial-closure', { reason: 'Enough' }, acme)
      .expect(200);

    // acme withdraws flyers; city is released from a report by acme.
    await makeCommitment(api, 'tilleuls', 'flyers', 'acme').expect(201);
    await api
      .post('/commitments/tilleuls--flyers/withdrawal', { reason: 'Printer closed' }, acme)
      .expect(200);
    await api
      .post(
        '/commitments',
        {
          commitmentId: 'report',
          partnershipId: 'tilleuls',
          what: 'An evaluation report',
          dueDate: DUE_DATE,
          beneficiary: { kind: 'partner', partnerId: 'acme' },
          kind: 'expertise',
        },
        city,
      )
      .expect(201);
    await api
      .post('/commitments/tilleuls--report/release', { reason: 'Done in-house' }, acme)
      .expect(200);
  });
  afterAll(() => ledger.close());

  describe('GET /commitments/:id', () => {
    it('answers a commitment with promised vs confirmed, evidence and status history', async () => {
      const tutoring = await get<Record<string, unknown>>('/commitments/tilleuls--tutoring');
      expect(tutoring).toMatchObject({
        commitmentId: 'tilleuls--tutoring',
        partnershipId: 'tilleuls',
        partnerId: 'acme',
        objectiveId: null,
        beneficiary: { kind: 'group', name: '15-18 year olds of Les Tilleuls' },
        kind: 'volunteer_time',
        what: 'Tutoring for pupils at risk of dropping out',
        dueDate: DUE_DATE,
        status: 'fulfilled',
        quantity: 40,
        unit: 'hours',
        confirmedQuantity: 40,
        acceptedBy: 'sos',
        fulfilledOnTime: true,
        overdue: false,
        claims: { pending: 0, confirmed: 2, disputed: 1 },
      });
      expect(tutoring.evidence).toEqual([
        expect.objectContaining({
          claimId: 'oct',
          quantity: 25,
          status: 'confirmed',
          settledBy: 'city',
        }),
        expect.objectContaining({
          claimId: 'nov',
          evidence: 'Attendance sheets nov',
          status: 'disputed',
          settledBy: 'city',
          disputeReason: 'No sheet for that week',
        }),
        expect.objectContaining({ claimId: 'dec', status: 'confirmed' }),
      ]);
      expect(
        (
          tutoring.statusHistory as { from: string | null; to: string; by: string; actor: string }[]
        ).map(({ from, to, by, actor }) => [from, to, by, actor]),
      ).toEqual([
        [null, 'made', 'acme', 'acme-officer'],
        ['made', 'accepted', 'sos', 'sos-officer'],
        ['accepted', 'in_progress', 'city', 'city-officer'],
        ['in_progress', 'fulfilled', 'city', 'city-officer'],
      ]);
    });

    it('keeps every version of renegotiated terms', async () => {
      const venue = await get<{ termsVersion: number; dueDate: string; termsHistory: object[] }>(
        '/commitments/tilleuls--venue',
      );
      expect(venue.termsVersion).toBe(2);
      expect(venue.dueDate).toBe('2099-05-31');
      expect(venue.termsHistory).toEqual([
        expect.objectContaining({ version: 1, dueDate: '2099-03-31', amendedBy: null }),
        expect.objectContaining({
          version: 2,
          dueDate: '2099-05-31',
          amendedBy: 'sos',
          reason: 'Works in the hall',
        }),
      ]);
    });

    it('derives overdue from the day asked about, against the due date in force', async () => {
      expect(
        (await get<CommitmentItem>('/commitments/tilleuls--venue?asOf=2099-04-01')).overdue,
      ).toBe(false);
      expect(
        (await get<CommitmentItem>('/commitments/tilleuls--venue?asOf=2099-06-01')).overdue,
      ).toBe(true);
      expect((await get<CommitmentItem>('/commitments/tilleuls--venue')).overdue).toBe(false);
    });

    it('answers 404 for a commitment never made, 400 for a bad id or day', async () => {
      expectProblem(await api.get('/commitments/nope'), 404, 'not-found');
      expectProblem(await api.get('/commitments/bad%20id'), 400, 'bad-request');
      expectProblem(
        await api.get('/commitments/tilleuls--venue?asOf=2099-02-30'),
        400,
        'bad-request',
      );
    });
  });

  describe('GET /commitments', () => {
    it('lists in the order made, filtered by partnership, partner, objective and status', async () => {
      expect(ids(await get<CommitmentPage>('/commitments?partnershipId=tilleuls'))).toEqual([
        'tilleuls--tutoring',
        'tilleuls--venue',
        'tilleuls--meals',
        'tilleuls--flyers',
        'tilleuls--report',
      ]);
      expect(ids(await get<CommitmentPage>('/commitments?partnerId=acme'))).toEqual([
        'tilleuls--tutoring',
        'tilleuls--flyers',
      ]);
      expect(ids(await get<CommitmentPage>('/commitments?status=closed_partial'))).toEqual([
        'tilleuls--meals',
      ]);
      expect(ids(await get<CommitmentPage>('/commitments?status=open'))).toEqual([
        'tilleuls--venue',
      ]);
      expect(ids(await get<CommitmentPage>('/commitments?partnershipId=elsewhere'))).toEqual([]);
    });

    it('filters by the kind of resource promised, and says each one', async () => {
      expect(ids(await get<CommitmentPage>('/commitments?kind=venue'))).toEqual([
        'tilleuls--venue',
      ]);
      expect(ids(await get<CommitmentPage>('/commitments?kind=money'))).toEqual([]);
      expect(ids(await get<CommitmentPage>('/commitments?kind=unspecified'))).toEqual([]);
      const all = await get<{ items: { commitmentId: string; kind: string }[] }>('/commitments');
      expect(all.items.map((c) => [c.commitmentId, c.kind])).toEqual([
        ['tilleuls--tutoring', 'volunteer_time'],
        ['tilleuls--venue', 'venue'],
        ['tilleuls--meals', 'volunteer_time'],
        ['tilleuls--flyers', 'volunteer_time'],
        ['tilleuls--report', 'expertise'],
      ]);
    });

    it('filters the commitments overdue on a day, and flags them', async () => {
      const overdue = await get<CommitmentPage>('/commitments?overdueAsOf=2099-06-01');
      expect(overdue.items.map((c) => [c.commitmentId, c.overdue])).toEqual([
        ['tilleuls--venue', true],
      ]);
      expect(ids(await get<CommitmentPage>('/commitments?overdueAsOf=2099-05-31'))).toEqual([]);
    });

    it('pages with cursors', async () => {
      const first = await get<CommitmentPage>('/commitments?limit=2');
      expect(ids(first)).toEqual(['tilleuls--tutoring', 'tilleuls--venue']);
      const second = await get<CommitmentPage>(`/commitments?limit=2&cursor=${first.next}`);
      expect(ids(second)).toEqual(['tilleuls--meals', 'tilleuls--flyers']);
      const third = await get<CommitmentPage>(`/commitments?limit=2&cursor=${second.next}`);
      expect(third).toMatchObject({ next: null });
      expect(ids(third)).toEqual(['tilleuls--report']);
    });

    it('refuses bad parameters with a 400 problem', async () => {
      for (const query of [
        'status=late',
        'overdueAsOf=tomorrow',
        'limit=0',
        'cursor=not-a-cursor',
        `cursor=${Buffer.from('["x"]').toString('base64url')}`,
        'partnerId=a%20b',
        'colour=blue',
        'kind=skills',
      ])
        expectProblem(await api.get(`/commitments?${query}`), 400, 'bad-request');
    });
  });

  describe('GET /partnerships/:id/accountability', () => {
    interface Report {
      asOf: string;
      summary: Record<string, number | null>;
      partners: {
        partnerId: string;
        summary: Record<string, number | null>;
        commitments: CommitmentItem[];
      }[];
      next: string | null;
    }

    it('answers who committed what, with summaries per partner and for the partnership', async () => {
      const report = await get<Report>('/partnerships/tilleuls/accountability?asOf=2099-06-01');
      expect(report.asOf).toBe('2099-06-01');
      expect(report.summary).toEqual({
        made: 5,
        open: 1,
        fulfilled: 1,
        closedPartial: 1,
        released: 1,
        withdrawn: 1,
        overdue: 1,
        fulfilledOnTime: 1,
        fulfilmentRate: 0.25,
        onTimeRate: 1,
      });
      expect(
        report.partners.map((p) => [p.partnerId, p.commitments.map((c) => c.commitmentId)]),
      ).toEqual([
        ['acme', ['tilleuls--tutoring', 'tilleuls--flyers']],
        ['city', ['tilleuls--report']],
        ['sos', ['tilleuls--venue', 'tilleuls--meals']],
      ]);
      expect(report.partners[2].summary).toMatchObject({
        made: 2,
        open: 1,
        overdue: 1,
        closedPartial: 1,
        fulfilmentRate: 0,
        onTimeRate: null,
      });
      expect(report.partners[2].commitments[0]).toMatchObject({
        commitmentId: 'tilleuls--venue',
        overdue: true,
      });
      expect(report.next).toBeNull();
    });

    it('judges overdue as of today by default', async () => {
      const report = await get<Report>('/partnerships/tilleuls/accountability');
      expect(report.asOf).toBe(new Date().toISOString().slice(0, 10));
      expect(report.summary.overdue).toBe(0);
    });

    it('pages through the partners', async () => {
      const first = await get<Report>('/partnerships/tilleuls/accountability?limit=2');
      expect(first.partners.map((p) => p.partnerId)).toEqual(['acme', 'city']);
      const second = await get<Report>(
        `/partnerships/tilleuls/accountability?limit=2&cursor=${first.next}`,
      );
      expect(second.partners.map((p) => p.partnerId)).toEqual(['sos']);
      expect(second.next).toBeNull();
    });

    it('answers who committed a kind: its commitments and the partners who made one', async () => {
      const report = await get<Report & { kind: string | null }>(
        '/partnerships/tilleuls/accountability?kind=expertise&asOf=2099-06-01',
      );
      expect(report.kind).toBe('expertise');
      expect(
        report.partners.map((p) => [p.partnerId, p.commitments.map((c) => c.commitmentId)]),
      ).toEqual([['city', ['tilleuls--report']]]);
      expect(report.summary).toMatchObject({ made: 1, released: 1 });
      const all = await get<Report & { kind: string | null }>(
        '/partnerships/tilleuls/accountability',
      );
      expect(all.kind).toBeNull();
      expectProblem(
        await api.get('/partnerships/tilleuls/accountability?kind=skills'),
        400,
        'bad-request',
      );
    });

    it('answers 404 for an unknown partnership', async () =>
      expectProblem(await api.get('/partnerships/nowhere/accountability'), 404, 'not-found'));
  });

  describe('GET /partners/:id/accountability', () => {
    it("sums up a partner's commitments across its partnerships", async () => {
      const acmeReport = await get<{
        summary: Record<string, number | null>;
        partnerships: { partnershipId: string; member: boolean; role: string }[];
      }>('/partners/acme/accountability');
      expect(acmeReport.summary).toMatchObject({
        made: 2,
        fulfilled: 1,
        withdrawn: 1,
        fulfilmentRate: 0.5,
      });
      expect(acmeReport.partnerships).toEqual([
        expect.objectContaining({ partnershipId: 'tilleuls', member: true, role: 'member' }),
      ]);
    });

    it('answers 404 for a partner never seen', async () =>
      expectProblem(await api.get('/partners/nobody/accountability'), 404, 'not-found'));
  });
});
