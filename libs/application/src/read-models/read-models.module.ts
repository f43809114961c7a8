import { join } from 'node:path';
import {
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type Database from 'better-sqlite3';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import {
  ALL_PROJECTORS,
  openReadModelDatabase,
  type ProjectionFailure,
  type ProjectionFailureReport,
  ProjectionRunner,
} from '@cohesion/projections';
import type { LedgerConfig } from '../config/ledger-config';

import { READ_MODEL_DATABASE } from './read-model-database';
import { ReadModelsAt } from './read-models-at';

export { READ_MODEL_DATABASE };
export const READ_MODELS_FILE = 'read-models.sqlite';

/** Keeps this node's read models up to date while the process runs, and serves their database. */
@Module({
  providers: [
    {
      provide: READ_MODEL_DATABASE,
      inject: [ConfigService],
      useFactory: (config: ConfigService<LedgerConfig, true>) =>
        openReadModelDatabase(
          join(config.get('LEDGER_DATA_DIR', { infer: true }), READ_MODELS_FILE),
        ),
    },
    {
      provide: ProjectionRunner,
      inject: [EVENT_STORE, READ_MODEL_DATABASE],
      useFactory: (store: EventStore, db: Database.Database) =>
        new ProjectionRunner(store, db, ALL_PROJECTORS, { report: loggedFailures() }),
    },
    ReadModelsAt,
  ],
  exports: [READ_MODEL_DATABASE, ProjectionRunner, ReadModelsAt],
})
export class ReadModelsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
  ) {}

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  onApplicationShutdown(): void {
    this.runner.stop();
    this.db.close();
  }
}

/** Each failure of the read models logged once (retries are silent), and their recovery. */
function loggedFailures(): ProjectionFailureReport {
  const logger = new Logger('ReadModels');
  const where = ({ readModel, position }: ProjectionFailure) =>
    readModel === null ? 'the read models' : `read model ${readModel} at log position ${position}`;
  return {
    failed: (failure) =>
      logger.error(`Stopped: ${where(failure)} failed (${failure.cause}); retrying`),
    recovered: (failure) =>
      logger.log(`Going on: ${where(failure)} applied after failing since ${failure.since}`),
  };
}
