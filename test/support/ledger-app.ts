import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../apps/ledger-api/src/app.module';
import { configureApp } from '../../apps/ledger-api/src/configure-app';

export interface TestLedger {
  readonly app: INestApplication;
  readonly dataDir: string;
  close(): Promise<void>;
}

/** The real API module on a fresh temp data directory with the embedded SQLite store. */
export async function startTestLedger(
  environment: Record<string, string> = {},
): Promise<TestLedger> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  Object.assign(process.env, { LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...environment });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot()] }).compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: false }));
  await app.init();
  return {
    app,
    dataDir,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
