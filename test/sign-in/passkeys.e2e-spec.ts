import request from 'supertest';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { expectProblem } from '../support/ledger-client';
import { PUBLIC_ORIGIN, signedInPerson, signInClient } from '../support/sign-in-client';
import { SoftwareAuthenticator } from '../support/software-authenticator';

/** Hashing a password (scrypt, OWASP parameters) takes seconds on a loaded machine. */
jest.setTimeout(180_000);

interface Options {
  challenge: string;
  rp: { id: string };
  user: { id: string; name: string };
}

/**
 * The server side of passkeys, with a software authenticator standing in for the browser and
 * the device (no browser here: see SoftwareAuthenticator for what is not exercised).
 */
describe('passkeys: add one, then sign in with it', () => {
  let ledger: TestLedger;
  let client: ReturnType<typeof signInClient>;
  const device = new SoftwareAuthenticator(PUBLIC_ORIGIN);
  let personId: string;

  const authenticationOptions = async () =>
    (
      await request(client.server)
        .post('/auth/passkeys/authentication-options')
        .send({})
        .expect(200)
    ).body as { challenge: string; rpId: string };

  beforeAll(async () => {
    ledger = await startTestLedger();
    client = signInClient(ledger);
    const session = await signedInPerson(client, {
      displayName: 'Noor Haddad',
      email: 'noor@sos.example',
      partnerId: 'sos',
      roles: ['partner'],
    });
    personId = session.personId;
    const options = (
      await client.post('/auth/passkeys/registration-options', {}, session).expect(200)
    ).body as Options;
    expect(options.rp.id).toBe('localhost');
    expect(options.user.name).toBe('noor@sos.example');
    await client
      .post('/auth/passkeys', { credential: device.create(options), label: 'phone' }, session)
      .expect(201);
    const listed = await client.get('/auth/passkeys', session).expect(200);
    expect(listed.body).toEqual([
      expect.objectContaining({ credentialId: device.credentialId, label: 'phone' }),
    ]);
  });
  afterAll(() => ledger.close());

  it('signs the person in with the passkey, naming no account beforehand', async () => {
    const options = await authenticationOptions();
    const signedIn = await request(client.server)
      .post('/auth/passkeys/authentication')
      .send({ credential: device.get(options, personId) })
      .expect(200);
    expect(signedIn.body).toMatchObject({ personId, method: 'passkey' });
    const session = client.opened(signedIn);
    await client.get('/auth/session', session).expect(200);
  });

  it('refuses a challenge used twice, another origin, or a passkey it does not know', async () => {
    const options = await authenticationOptions();
    const authenticate = (credential: object) =>
      request(client.server).post('/auth/passkeys/authentication').send({ credential });
    await authenticate(device.get(options, personId)).expect(200);
    expectProblem(await authenticate(device.get(options, personId)), 401, 'unauthenticated');
    const again = await authenticationOptions();
    expectProblem(
      await authenticate(device.get(again, personId, 'https://evil.example')),
      401,
      'unauthenticated',
    );
    const stranger = new SoftwareAuthenticator(PUBLIC_ORIGIN);
    expectProblem(
      await authenticate(stranger.get(await authenticationOptions(), personId)),
      401,
      'unauthenticated',
    );
  });

  it('refuses the passkey of a suspended person', async () => {
    await client.api.post(`/people/${personId}/suspension`, { reason: 'on leave' }).expect(200);
    const options = await authenticationOptions();
    const refused = await request(client.server)
      .post('/auth/passkeys/authentication')
      .send({ credential: device.get(options, personId) });
    expectProblem(refused, 401, 'unauthenticated');
  });
});
