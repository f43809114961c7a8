import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { validateLedgerConfig } from '@cohesion/application';

/**
 * Runs `work` in a Nest application context of `module`, closed afterwards whatever happens.
 * The settings are checked first, so that a bad one is the API's own one-line message.
 */
export async function withContext<T>(
  module: DynamicModule,
  work: (context: INestApplicationContext) => Promise<T>,
): Promise<T> {
  validateLedgerConfig(process.env);
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
