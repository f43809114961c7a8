import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ChildLedger,
  type CompiledLedger,
  compileLedgerApi,
  startChildLedger,
} from '../support/child-ledger';
import { admin } from '../support/ledger-client';
import { CookieJar, startTestProvider, type TestProvider } from '../support/oidc-provider-process';

/** Compiling the API and starting two processes takes a while on a loaded machine. */
jest.setTimeout(240_000);

/**
 * The origin the ledger believes it is served at (as behind a proxy): the provider redirects
 * there, and the test carries the browser's requests over to the child's real address.
 */
const PUBLIC_ORIGIN = 'http://ledger.example.test';

describe('sign-in through an OpenID Connect provider (authorization code + PKCE)', () => {
  let compiled: CompiledLedger;
  let provider: TestProvider;
  let ledger: ChildLedger;
  let dataDir: string;

  beforeAll(async () => {
    compiled = await compileLedgerApi();
    provider = await startTestProvider(`${PUBLIC_ORIGIN}/auth/oidc/callback`, {
      'kc-alice': { email: 'Alice@City.example', email_verified: true },
      'kc-bob': { email: 'bob@elsewhere.example', email_verified: true },
      'kc-mallory': { email: 'carol@city.example', email_verified: false },
    });
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-oidc-'));
    ledger = await startChildLedger(compiled, dataDir, {
      LEDGER_PUBLIC_ORIGIN: PUBLIC_ORIGIN,
      LEDGER_OIDC_ISSUER_URL: provider.issuer,
      LEDGER_OIDC_CLIENT_ID: provider.clientId,
      LEDGER_OIDC_CLIENT_SECRET: provider.clientSecret,
    });
    for (const [personId, email] of [
      ['alice', 'alice@city.example'],
      ['carol', 'carol@city.example'],
    ]) {
      const invited = await ledger.post(
        '/people',
        { personId, displayName: personId, email, roles: ['auditor'] },
        admin,
        `invite-${personId}`,
      );
      expect(invited.status).toBe(201);
    }
  });

  afterAll(async () => {
    await ledger?.kill('SIGTERM');
    await provider?.stop();
    compiled?.remove();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The browser's journey: ledger → provider → sign in as `account` → back to the ledger. */
  async function signInAs(account: string): Promise<{ jar: CookieJar; callback: Response }> {
    const jar = new CookieJar();
    const start = await jar.visit(`${ledger.baseUrl}/auth/oidc/start?returnTo=/partnerships`);
    expect(start.status).toBe(303);
    const authorization = new URL(start.headers.get('location') ?? '');
    expect(authorization.origin).toBe(provider.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    const interaction = await jar.visit(authorization.href);
    const uid = /\/interaction\/([\w-]+)/.exec(interaction.headers.get('location') ?? '')?.[1];
    const loggedIn = await jar.visit(
      `${provider.issuer}/interaction/${uid}/login?account=${account}`,
    );
    const resumed = await jar.visit(
      new URL(loggedIn.headers.get('location') ?? '', provider.issuer).href,
    );
    const back = new URL(resumed.headers.get('location') ?? '');
    expect(back.origin + back.pathname).toBe(`${PUBLIC_ORIGIN}/auth/oidc/callback`);
    const callback = await jar.visit(`${ledger.baseUrl}${back.pathname}${back.search}`);
    return { jar, callback };
  }

  it('signs a person of the directory in, matched by e-mail, accepting their invitation', async () => {
    const { jar, callback } = await signInAs('kc-alice');
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe(`${PUBLIC_ORIGIN}/partnerships`);
    const session = await fetch(`${ledger.baseUrl}/auth/session`, {
      headers: { cookie: jar.header() },
    });
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({
      personId: 'alice',
      roles: ['auditor'],
      method: 'oidc',
    });
    const person = await ledger.get('/people/alice', admin);
    expect(person.body).toMatchObject({ status: 'active' });
  });

  it('refuses an identity the directory does not hold, and an unverified e-mail', async () => {
    for (const account of ['kc-bob', 'kc-mallory']) {
      const { jar, callback } = await signInAs(account);
      expect(callback.status).toBe(403);
      expect(await callback.json()).toMatchObject({ reason: 'not-in-directory' });
      expect(jar.get('__Host-ledger-session')).toBeUndefined();
    }
  });

  it('refuses a callback this browser did not start', async () => {
    const started = await new CookieJar().visit(`${ledger.baseUrl}/auth/oidc/start`);
    const state = new URL(started.headers.get('location') ?? '').searchParams.get('state');
    const forged = await fetch(`${ledger.baseUrl}/auth/oidc/callback?code=x&state=${state}`, {
      redirect: 'manual',
    });
    expect(forged.status).toBe(400);
  });

  it('refuses to send the browser anywhere but this site afterwards', async () => {
    const open = await fetch(`${ledger.baseUrl}/auth/oidc/start?returnTo=//evil.example`, {
      redirect: 'manual',
    });
    expect(open.status).toBe(400);
  });
});
