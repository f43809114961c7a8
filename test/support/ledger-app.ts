import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
} from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { signingKeyPath } from '@cohesion/access-tokens';
import { AppModule } from '../../apps/ledger-api/src/app.module';
import { configureApp } from '../../apps/ledger-api/src/configure-app';
import type { LedgerConfig } from '@cohesion/application';

/** Who a test acts as; becomes the claims of the access token the ledger is sent. */
export interface TokenSubject {
  readonly sub: string;
  readonly partnerId?: string;
  readonly roles?: readonly string[];
}

export interface TestLedger {
  readonly app: INestApplication;
  readonly dataDir: string;
  /**
   * A bearer token this ledger accepts for the subject (roles default to none), signed with the
   * key it trusts. Throws for a ledger that trusts an external JWKS: such tests sign their own.
   */
  token(subject: TokenSubject, claims?: Record<string, unknown>): string;
  close(): Promise<void>;
}

/**
 * One Ed25519 key per test process: every test ledger trusts it (LEDGER_JWT_PRIVATE_KEY), so
 * tests never write a key file, and tokens are signed without a round trip to the CLI.
 */
const TEST_KEY = generateKeyPairSync('ed25519').privateKey;
export const TEST_SIGNING_KEY_PEM = TEST_KEY.export({ type: 'pkcs8', format: 'pem' }).toString();

/**
 * The real API module with the embedded SQLite store, on a fresh temp data directory (removed on
 * close) or, to test a restart, on `existingDataDir` (left in place). `environment` holds settings
 * for this ledger only; `LEDGER_JWT_PRIVATE_KEY: ''` makes it use (or create) the data
 * directory's key file instead of the test key.
 */
export async function startTestLedger(
  environment: Record<string, string> = {},
  existingDataDir?: string,
): Promise<TestLedger> {
  const dataDir = existingDataDir ?? mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  const settings = {
    LEDGER_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    LEDGER_JWT_PRIVATE_KEY: TEST_SIGNING_KEY_PEM,
    ...environment,
  };
  const previous = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
  Object.assign(process.env, settings);
  // The configuration is read while the module compiles; the process's own settings come back after.
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot()] })
    .compile()
    .finally(() => restore(previous));
  const app = configureApp(moduleRef.createNestApplication({ logger: false }));
  await app.init();
  const config = app.get(ConfigService<LedgerConfig, true>);
  const trusted = trustedKey(settings);
  return {
    app,
    dataDir,
    token: (subject, claims = {}) => {
      if (!trusted)
        throw new Error('This ledger trusts an external JWKS: sign tokens with its key');
      return signToken(trusted, {
        iss: config.get('LEDGER_JWT_ISSUER', { infer: true }),
        aud: config.get('LEDGER_JWT_AUDIENCE', { infer: true }),
        ...subjectClaims(subject),
        ...claims,
      });
    },
    close: async () => {
      await app.close();
      if (!existingDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The key whose signatures the ledger accepts: the configured one, or its data directory's. */
function trustedKey(settings: Record<string, string>): KeyObject | undefined {
  if (settings.LEDGER_OIDC_JWKS_URL) return undefined;
  if (settings.LEDGER_JWT_PRIVATE_KEY) return createPrivateKey(settings.LEDGER_JWT_PRIVATE_KEY);
  return createPrivateKey(readFileSync(signingKeyPath(settings.LEDGER_DATA_DIR), 'utf8'));
}

function subjectClaims(subject: TokenSubject): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: subject.sub,
    roles: subject.roles ?? [],
    ...(subject.partnerId !== undefined ? { partner_id: subject.partnerId } : {}),
    iat: now,
    exp: now + 3600,
  };
}

/**
 * A compact EdDSA JWT, signed synchronously (node:crypto) so that the test client can set its
 * header while building a supertest request; a second implementation, independent of the issuer
 * under test.
 */
export function signToken(privateKey: KeyObject, claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = { alg: 'EdDSA', typ: 'JWT', kid: thumbprint(privateKey) };
  const input = `${encode(header)}.${encode(claims)}`;
  return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
}

/** RFC 7638 thumbprint of an Ed25519 key: what the ledger uses as its `kid`. */
function thumbprint(privateKey: KeyObject): string {
  const { x } = createPublicKey(privateKey).export({ format: 'jwk' });
  const canonical = JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x });
  return createHash('sha256').update(canonical).digest('base64url');
}

function restore(previous: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}
