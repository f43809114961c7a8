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

/**
 * The real API module with the embedded SQLite store, on a fresh temp data directory (removed on
 * close) or, to test a restart, on `existingDataDir` (left in place). `environment` holds settings
 * for this ledger only.
 */
export async function startTestLedger(
  environment: Record<string, string> = {},
  existingDataDir?: string,
): Promise<TestLedger> {
  const dataDir = existingDataDir ?? mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  const settings = { LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...environment };
  const previous = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
  Object.assign(process.env, settings);
  // The configuration is read while the module compiles; the process's own settings come back after.
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot()] })
    .compile()
    .finally(() => restore(previous));
  const app = configureApp(moduleRef.createNestApplication({ logger: false }));
  await app.init();
  return {
    app,
    dataDir,
    close: async () => {
      await app.close();
      if (!existingDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function restore(previous: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}
