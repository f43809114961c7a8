import { performance } from 'node:perf_hooks';
import type request from 'supertest';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { expectProblem } from '../support/ledger-client';
import { GOOD_PASSWORD, signInClient } from '../support/sign-in-client';

/** Hashing a password (scrypt, OWASP parameters) takes seconds on a loaded machine. */
jest.setTimeout(300_000);

const WRONG = 'not the password at all, sorry';

/** What a refusal tells a client: everything but nothing else. */
const answerOf = (response: request.Response) => ({
  status: response.status,
  body: response.body as unknown,
  retryAfter: response.headers['retry-after'] as unknown,
});

describe('sign-in against guessing', () => {
  let ledger: TestLedger;
  let client: ReturnType<typeof signInClient>;

  beforeAll(async () => {
    ledger = await startTestLedger();
    client = signInClient(ledger);
    const { token } = await client.invite({
      displayName: 'Bo Lind',
      email: 'bo@city.example',
      roles: ['auditor'],
    });
    await client.accept(token).expect(200);
  });
  afterAll(() => ledger.close());

  it('slows an account down after 5 failures, even for the right password, and tells when to retry', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      expectProblem(await client.signIn('bo@city.example', WRONG), 401, 'unauthenticated');
    }
    const slowed = await client.signIn('bo@city.example', GOOD_PASSWORD);
    expectProblem(slowed, 429, 'too-many-requests');
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // An e-mail nobody has is slowed down exactly the same: throttling tells nothing either.
    for (let attempt = 1; attempt <= 5; attempt++) {
      await client.signIn('nobody@city.example', WRONG).expect(401);
    }
    expect(answerOf(await client.signIn('nobody@city.example', WRONG)).status).toBe(429);
  });

  it('lets the person in once the wait is over', async () => {
    const slowed = await client.signIn('bo@city.example', GOOD_PASSWORD);
    const seconds = Number(slowed.headers['retry-after'] ?? 0);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 100));
    await client.signIn('bo@city.example', GOOD_PASSWORD).expect(200);
  });
});

describe('sign-in tells nobody who has an account', () => {
  let ledger: TestLedger;
  let client: ReturnType<typeof signInClient>;

  beforeAll(async () => {
    // No throttling in the way: this measures the answers themselves.
    ledger = await startTestLedger({ LEDGER_SIGN_IN_FREE_ATTEMPTS: '1000' });
    client = signInClient(ledger);
    const carl = await client.invite({
      displayName: 'Carl Berg',
      email: 'carl@city.example',
      roles: ['auditor'],
    });
    await client.accept(carl.token).expect(200);
    await client.invite({ displayName: 'Dee Pending', email: 'dee@city.example', roles: [] });
  });
  afterAll(() => ledger.close());

  it('answers an unknown e-mail, a wrong password and a person not yet active alike', async () => {
    const unknown = answerOf(await client.signIn('nobody@city.example', WRONG));
    const wrongPassword = answerOf(await client.signIn('carl@city.example', WRONG));
    const pending = answerOf(await client.signIn('dee@city.example', GOOD_PASSWORD));
    expect(wrongPassword).toEqual(unknown);
    expect(pending).toEqual(unknown);
    expect(unknown).toMatchObject({
      status: 401,
      body: { detail: 'Wrong e-mail or password', reason: 'wrong-credentials' },
    });
  });

  it('takes about as long for an unknown e-mail as for a wrong password', async () => {
    const durations = { unknown: [] as number[], wrongPassword: [] as number[] };
    const timed = async (email: string) => {
      const start = performance.now();
      await client.signIn(email, WRONG).expect(401);
      return performance.now() - start;
    };
    // Interleaved, so that the machine's load weighs on both alike.
    for (let round = 0; round < 6; round++) {
      durations.unknown.push(await timed(`nobody-${round}@city.example`));
      durations.wrongPassword.push(await timed('carl@city.example'));
    }
    const ratio = median(durations.unknown) / median(durations.wrongPassword);
    // Both derive one scrypt key (hundreds of milliseconds); skipping it would be ~100× faster.
    console.log(
      `sign-in timing, median ms: unknown e-mail ${median(durations.unknown).toFixed(0)}, wrong password ${median(durations.wrongPassword).toFixed(0)}`,
    );
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });
});

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
