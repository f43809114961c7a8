import request from 'supertest';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { admin, expectProblem, partner } from '../support/ledger-client';
import { type BrowserSession, signedInPerson, signInClient } from '../support/sign-in-client';

/** Hashing a password (scrypt, OWASP parameters) takes seconds on a loaded machine. */
jest.setTimeout(180_000);

const mediator = (personId: string, displayName: string) => ({
  personId,
  displayName,
  email: `${personId}@mediation.example`,
  roles: ['mediator'],
});

/** Whom a party may propose to mediate a conflict: GET /mediators. */
describe('the mediators, by name, to whoever may take part in a conflict', () => {
  let ledger: TestLedger;
  let client: ReturnType<typeof signInClient>;
  let claire: BrowserSession;

  beforeAll(async () => {
    ledger = await startTestLedger();
    client = signInClient(ledger);
    claire = await signedInPerson(client, mediator('claire', 'Claire Dubois'));
    await signedInPerson(client, mediator('bruno', 'Bruno Achard'));
    await signedInPerson(client, mediator('sam', 'Sam Suspended'));
    await signedInPerson(client, mediator('max', 'Max Former'));
    await client.invite(mediator('ivy', 'Ivy Invited'));
    await client.api.post('/people/sam/suspension', { reason: 'on leave' }).expect(200);
    await client.api.put('/people/max/roles', { roles: ['auditor'] }).expect(200);
  });
  afterAll(() => ledger.close());

  const ACTIVE_MEDIATORS = [
    { personId: 'bruno', displayName: 'Bruno Achard' },
    { personId: 'claire', displayName: 'Claire Dubois' },
  ];

  it('answers the active mediators by name: their id and name, no e-mail nor anything else', async () => {
    const answer = await client.api.get('/mediators', partner('acme')).expect(200);
    expect(answer.body).toEqual(ACTIVE_MEDIATORS);
    expect(answer.text).not.toContain('@');
  });

  it('lets administrators, auditors, partners, partner admins and mediators read it', async () => {
    const readers = [
      admin,
      { sub: 'city-auditor', roles: ['auditor'] },
      { sub: 'acme-lead', partnerId: 'acme', roles: ['partner_admin'] },
      { sub: 'mediator-by-token', roles: ['mediator'] },
    ];
    for (const reader of readers) {
      expect((await client.api.get('/mediators', reader).expect(200)).body).toEqual(
        ACTIVE_MEDIATORS,
      );
    }
    // A mediator of the directory, signed in as the web app is.
    expect((await client.get('/mediators', claire).expect(200)).body).toEqual(ACTIVE_MEDIATORS);
  });

  it('answers 401 without a token, 403 to a caller holding no role', async () => {
    expectProblem(await request(client.server).get('/mediators'), 401, 'unauthenticated');
    expectProblem(await client.api.get('/mediators', { sub: 'machine' }), 403, 'forbidden');
  });

  it('answers bad input with the reason, never a 500', async () => {
    const badPosition = await client.api.get('/mediators?minPosition=soon');
    expectProblem(badPosition, 400, 'bad-request');
    expect(JSON.stringify(badPosition.body)).toContain('minPosition');
    expectProblem(await client.api.get('/mediators?email=1'), 400, 'bad-request');
  });
});
