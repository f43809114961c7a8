import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { type LedgerConfig, validateLedgerConfig } from '@cohesion/application';

async function bootstrap(): Promise<void> {
  // configureApp installs the body parsers, with the configured size limit.
  const app = await NestFactory.create(AppModule.forRoot(), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  configureApp(app);
  const port = app.get(ConfigService<LedgerConfig, true>).get('PORT', { infer: true });
  await app.listen(port);
  app.get(Logger).log(`Cohesion Ledger listening on http://localhost:${port}`, 'Bootstrap');
}

try {
  // Checked before Nest starts so that a bad setting is one plain message, not a stack trace.
  validateLedgerConfig(process.env);
  bootstrap().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
