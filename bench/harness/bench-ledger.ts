import { generateKeyPairSync } from 'node:crypto';
import type { INestApplication, Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { issueAccessToken, signingKeyFromPem } from '@cohesion/access-tokens';
import type { LedgerConfig } from '@cohesion/application';
import { AppModule } from '../../apps/ledger-api/src/app.module';
import { configureApp } from '../../apps/ledger-api/src/configure-app';

export interface BenchLedger {
  readonly app: INestApplication;
  token(subject: { sub: string; roles: string[]; partnerId?: string }): Promise<string>;
  close(): Promise<void>;
}

export interface BenchLedgerOptions {
  /** Bench-only controllers added to the API's module (the empty route of the HTTP suite). */
  readonly controllers?: Type[];
  /** 0 for any free port; a known port when the browser's origin must be set beforehand. */
  readonly port?: number;
  /** Further settings (LEDGER_PUBLIC_ORIGIN…). */
  readonly settings?: Readonly<Record<string, string>>;
}

/** The API module as `npm start` runs it, in this process; limits raised for the load, logs off. */
export async function startBenchLedger(
  dataDir: string,
  { controllers = [], port = 0, settings = {} }: BenchLedgerOptions = {},
): Promise<BenchLedger> {
  const pem = generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  Object.assign(process.env, {
    LEDGER_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    LEDGER_JWT_PRIVATE_KEY: pem,
    LEDGER_RATE_LIMIT_PER_MINUTE: '1000000',
    ...settings,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot()],
    controllers,
  }).compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: false }));
  await app.listen(port, '127.0.0.1');
  const config = app.get(ConfigService<LedgerConfig, true>);
  const key = await signingKeyFromPem(pem, 'bench');
  return {
    app,
    token: (subject) =>
      issueAccessToken(
        { ...subject, ttl: '1h' },
        {
          key,
          issuer: config.get('LEDGER_JWT_ISSUER', { infer: true }),
          audience: config.get('LEDGER_JWT_AUDIENCE', { infer: true }),
        },
      ),
    close: () => app.close(),
  };
}
