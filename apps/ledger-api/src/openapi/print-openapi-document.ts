import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { createOpenApiDocument } from './openapi-document';

/**
 * Prints the OpenAPI document as JSON on stdout, without serving anything: the Nest application
 * is created (never started) on a throw-away data directory. The web app's typed client is
 * generated from this output (apps/ledger-web/scripts/api-types.mjs).
 */
async function printOpenApiDocument(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-openapi-'));
  process.env.LEDGER_DATA_DIR = dataDir;
  process.env.LOG_LEVEL = 'silent';
  try {
    const app = await NestFactory.create(AppModule.forRoot(), { logger: false, bodyParser: false });
    const json = `${JSON.stringify(createOpenApiDocument(app), null, 2)}\n`;
    // Flushed before the exit below, which would cut a pipe's pending output short.
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(json, (error) => (error ? reject(error) : resolve())),
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

printOpenApiDocument().then(
  // Created, never started: nothing to close, and open store handles must not keep it alive.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
