import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { admin, expectProblem, ledgerClient, type LedgerClient } from '../support/ledger-client';

const acmeLead = { sub: 'acme-lead', partnerId: 'acme', roles: ['partner', 'partner_admin'] };
const auditor = { sub: 'city-auditor', roles: ['auditor'] };
const staff = (personId: string, partnerId = 'acme', roles = ['partner']) => ({
  personId,
  displayName: `Staff ${personId}`,
  email: `${personId}@${partnerId}.example`,
  partnerId,
  roles,
});

describe('the people directory: who may invite, see and remove whom', () => {
  let ledger: TestLedger;
  let api: LedgerClient;

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    await api.post('/people', staff('sos-1', 'sos'), admin).expect(201);
  });
  afterAll(() => ledger.close());

  it("lets a partner admin invite its own partner's staff, with the partner roles only", async () => {
    const invited = await api.post('/people', staff('acme-1'), acmeLead).expect(201);
    expect(invited.body).toMatchObject({
      personId: 'acme-1',
      events: ['PersonInvited'],
      invitation: {
        url: expect.stringMatching(/^http:\/\/localhost:3000\/invitation#token=/) as string,
      },
    });
    await api
      .post('/people', staff('acme-2', 'acme', ['partner', 'partner_admin']), acmeLead)
      .expect(201);
    expectProblem(await api.post('/people', staff('sos-2', 'sos'), acmeLead), 403, 'forbidden');
    expectProblem(
      await api.post('/people', staff('acme-3', 'acme', ['partner', 'admin']), acmeLead),
      403,
      'forbidden',
    );
    expectProblem(
      await api.post(
        '/people',
        { ...staff('nobody'), partnerId: undefined, roles: ['mediator'] },
        acmeLead,
      ),
      403,
      'forbidden',
    );
  });

  it('shows a partner admin its own staff only; administrators and auditors everyone', async () => {
    const own = await api.get('/people', acmeLead).expect(200);
    expect((own.body as { items: { personId: string }[] }).items.map((p) => p.personId)).toEqual([
      'acme-1',
      'acme-2',
    ]);
    expectProblem(await api.get('/people?partnerId=sos', acmeLead), 403, 'forbidden');
    expectProblem(await api.get('/people/sos-1', acmeLead), 404, 'not-found');
    const all = await api.get('/people?limit=2', auditor).expect(200);
    expect(all.body).toMatchObject({ items: [{ personId: 'sos-1' }, { personId: 'acme-1' }] });
    expect((all.body as { next: string | null }).next).not.toBeNull();
    expectProblem(
      await api.get('/people', { sub: 'p', partnerId: 'acme', roles: ['partner'] }),
      403,
      'forbidden',
    );
  });

  it("lets a partner admin remove its own staff, and no one else's", async () => {
    expectProblem(
      await api.post('/people/sos-1/removal', { reason: 'x' }, acmeLead),
      404,
      'not-found',
    );
    await api.post('/people/acme-1/removal', { reason: 'left the company' }, acmeLead).expect(200);
    expect((await api.get('/people/acme-1', admin)).body).toMatchObject({ status: 'removed' });
    // Suspending and changing roles are for administrators.
    await api.post('/people/acme-2/suspension', { reason: 'x' }, acmeLead).expect(403);
    await api.put('/people/acme-2/roles', { roles: ['partner'] }, acmeLead).expect(403);
  });

  it('refuses a second person with the same e-mail, whatever its case, until the first is removed', async () => {
    const twin = { ...staff('acme-9'), email: 'ACME-2@acme.example' };
    expectProblem(await api.post('/people', twin, admin), 422, 'person-email-taken');
    const reused = { ...staff('acme-10'), email: 'acme-1@acme.example' };
    await api.post('/people', reused, admin).expect(201);
  });

  it('answers bad input with the reasons', async () => {
    const bad = await api.post(
      '/people',
      { displayName: '', email: 'not-an-email', roles: ['janitor'] },
      admin,
    );
    expectProblem(bad, 400, 'bad-request');
    expect((bad.body as { errors: string[] }).errors.join(' ')).toMatch(
      /email.*roles|roles.*email/s,
    );
    const partnerless = { ...staff('eve'), partnerId: undefined, roles: ['partner'] };
    expectProblem(await api.post('/people', partnerless, admin), 422, 'person-partner-required');
  });
});
