import { generateKeyPairSync } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { issueAccessToken, signingKeyFromPem } from '@cohesion/access-tokens';
import type { LedgerConfig } from '@cohesion/application';
import { AppModule } from '../../apps/ledger-api/src/app.module';
import { configureApp } from '../../apps/ledger-api/src/configure-app';

export interface TokenSubject {
  readonly sub: string;
  readonly roles: string[];
  readonly partnerId?: string;
}
/** An access token of the bench ledger, valid for an hour. */
export type IssueToken = (subject: TokenSubject) => Promise<string>;

export interface BenchLedger {
  readonly app: INestApplication;
  token: IssueToken;
  close(): Promise<void>;
}

export interface BenchLedgerOptions {
  /** 0 for any free port; a known port when the browser's origin must be set beforehand. */
  readonly port?: number;
  /** Further settings (LEDGER_PUBLIC_ORIGIN…). */
  readonly settings?: Readonly<Record<string, string>>;
}

/**
 * The settings of a bench ledger, as `npm start` reads them from the environment: limits raised
 * for the load, logs off, a new signing key (`pem`, for tokens issued by `tokenIssuer`).
 */
export function benchLedgerSettings(dataDir: string): { pem: string; env: Record<string, string> } {
  const pem = generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  return {
    pem,
    env: {
      LEDGER_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      LEDGER_JWT_PRIVATE_KEY: pem,
      LEDGER_RATE_LIMIT_PER_MINUTE: '1000000',
    },
  };
}

/** Issues tokens the ledger started with `pem` and `config` accepts. */
export async function tokenIssuer(
  pem: string,
  config: Pick<LedgerConfig, 'LEDGER_JWT_ISSUER' | 'LEDGER_JWT_AUDIENCE'>,
): Promise<IssueToken> {
  const key = await signingKeyFromPem(pem, 'bench');
  return (subject) =>
    issueAccessToken(
      { ...subject, ttl: '1h' },
      { key, issuer: config.LEDGER_JWT_ISSUER, audience: config.LEDGER_JWT_AUDIENCE },
    );
}

/** The API module as `npm start` runs it, in this process (the web pages suite drives it). */
export async function startBenchLedger(
  dataDir: string,
  { port = 0, settings = {} }: BenchLedgerOptions = {},
): Promise<BenchLedger> {
  const { pem, env } = benchLedgerSettings(dataDir);
  Object.assign(process.env, env, settings);
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot()],
  }).compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: false }));
  await app.listen(port, '127.0.0.1');
  const config = app.get(ConfigService<LedgerConfig, true>);
  return {
    app,
    token: await tokenIssuer(pem, {
      LEDGER_JWT_ISSUER: config.get('LEDGER_JWT_ISSUER', { infer: true }),
      LEDGER_JWT_AUDIENCE: config.get('LEDGER_JWT_AUDIENCE', { infer: true }),
    }),
    close: () => app.close(),
  };
}
