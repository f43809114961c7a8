import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import pino from 'pino';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { type LedgerConfig, validateLedgerConfig } from '@cohesion/application';
import {
  DataDirectoryInUseError,
  DataDirectoryUnusableError,
  type DataDirectoryLock,
  lockDataDirectory,
} from '@cohesion/application/data-directory';

/**
 * A failure to start is one line in the format of the API's logs (pino's JSON), on stderr, then
 * exit code 1: the settings are checked and the data directory taken before Nest starts, and Nest
 * itself logs nothing of a failed start (its logs stay buffered, and only a started API flushes
 * them). Printed whatever LOG_LEVEL says: a process that stops must say why.
 */
const startupLog = pino({ level: 'fatal' }, pino.destination({ fd: 2, sync: true }));

async function bootstrap(lock: DataDirectoryLock): Promise<void> {
  // configureApp installs the body parsers, with the configured size limit.
  const app = await NestFactory.create(AppModule.forRoot(), {
    bufferLogs: true,
    autoFlushLogs: false,
    abortOnError: false,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  configureApp(app);
  const port = app.get(ConfigService<LedgerConfig, true>).get('PORT', { infer: true });
  await app.listen(port);
  // The lock is the operating system's until the process ends; this keeps its handle alive.
  process.once('exit', () => lock.release());
  app.get(Logger).log(`Cohesion Ledger listening on http://localhost:${port}`, 'Bootstrap');
}

async function main(): Promise<void> {
  let config: LedgerConfig;
  try {
    config = validateLedgerConfig(process.env);
  } catch (error) {
    return failed(messageOf(error), { reason: messageOf(error) });
  }
  const dataDir = config.LEDGER_DATA_DIR;
  try {
    await bootstrap(await lockDataDirectory(dataDir));
  } catch (error) {
    if (error instanceof DataDirectoryInUseError) {
      const { reason, holderPid } = error;
      failed(error.message, { dataDir, reason, holderPid });
    } else if (error instanceof DataDirectoryUnusableError) {
      failed(error.message, { dataDir, reason: error.reason });
    } else {
      // Unforeseen: the stack goes along (inside the JSON line) for whoever investigates.
      const reason = messageOf(error);
      failed(`${reason} (data directory ${dataDir})`, { dataDir, reason, err: error });
    }
  }
}

/** The fields of the line: the reason, and the directory, its holder or the stack when known. */
interface StartFailure {
  readonly reason: string;
  readonly dataDir?: string;
  readonly holderPid?: number;
  readonly err?: unknown;
}

function failed(message: string, fields: StartFailure): void {
  startupLog.fatal(fields, `the ledger cannot start: ${message}`);
  process.exit(1);
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

void main();
