import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { validateLedgerConfig } from '@cohesion/application';
import { lockDataDirectory } from '@cohesion/application/data-directory';

type Work<T> = (context: INestApplicationContext) => Promise<T>;

/**
 * Runs `work` in a Nest application context of `module`, closed afterwards whatever happens.
 * The settings are checked first, so that a bad one is the API's own one-line message.
 */
export function withContext<T>(module: DynamicModule, work: Work<T>): Promise<T> {
  validateLedgerConfig(process.env);
  return inContext(module, work);
}

/**
 * withContext for a command that writes into the data directory (its embedded log, its read
 * models): it holds the directory's lock meanwhile, and is refused while the API or another
 * such command holds it.
 */
export async function withWritingContext<T>(module: DynamicModule, work: Work<T>): Promise<T> {
  const lock = await lockDataDirectory(validateLedgerConfig(process.env).LEDGER_DATA_DIR);
  try {
    return await inContext(module, work);
  } finally {
    lock.release();
  }
}

async function inContext<T>(module: DynamicModule, work: Work<T>): Promise<T> {
  const context = await NestFactory.createApplicationContext(module, {
    logger: false,
    abortOnError: false,
  });
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}
