import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface ProviderAccount {
  readonly email: string;
  readonly email_verified: boolean;
}

export interface TestProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  stop(): Promise<void>;
}

const SCRIPT = join(__dirname, 'oidc-provider', 'oidc-provider.mjs');
/** Generous: a loaded CI machine may take seconds to load the provider. */
const START_TIMEOUT_MS = 60_000;

/**
 * node-oidc-provider in a child process (ESM-only, so not in Jest), with one confidential client
 * redirecting to `redirectUri`, and these accounts.
 */
export async function startTestProvider(
  redirectUri: string,
  accounts: Record<string, ProviderAccount>,
): Promise<TestProvider> {
  const port = await freeLoopbackPort();
  const clientId = 'cohesion-ledger';
  const clientSecret = 'a client secret for tests';
  const child = spawn(process.execPath, [SCRIPT], {
    env: {
      ...process.env,
      OIDC_PORT: String(port),
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_REDIRECT_URI: redirectUri,
      OIDC_ACCOUNTS: JSON.stringify(accounts),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const issuer = await listening(child);
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function listening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the OpenID provider did not start: ${output}`));
    }, START_TIMEOUT_MS);
    const read = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      const issuer = /listening (\S+)/.exec(output)?.[1];
      if (issuer) {
        clearTimeout(timer);
        resolve(issuer);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on(
      'data',
      (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)),
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the OpenID provider stopped (${code}): ${output}`));
    });
  });
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Cookies by name, as a browser keeps them for one site (paths ignored: the tests need none). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const separator = pair.indexOf('=');
      const value = pair.slice(separator + 1);
      if (value === '') this.cookies.delete(pair.slice(0, separator));
      else this.cookies.set(pair.slice(0, separator), value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** A GET that does not follow redirects, sending and keeping this jar's cookies. */
  async visit(url: string): Promise<Response> {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: this.header() } });
    this.keep(response);
    return response;
  }
}
