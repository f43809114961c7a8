import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import type { LedgerConfig } from './config/ledger-config';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule.forRoot(), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureApp(app);
  const port = app.get(ConfigService<LedgerConfig, true>).get('PORT', { infer: true });
  await app.listen(port);
  app.get(Logger).log(`Cohesion Ledger listening on http://localhost:${port}`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  // Configuration errors arrive before the JSON logger exists: print them plainly and fail.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
