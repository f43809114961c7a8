import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import { ProjectionRunner } from '@cohesion/projections';

/** Each read model's checkpoint and how far it lags behind the log; down while a batch fails (which, where, why, since when). */
@Injectable()
export class ReadModelsHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly health: HealthIndicatorService,
  ) {}

  async isUpToDate(key = 'readModels') {
    const indicator = this.health.check(key);
    const head = await this.store.headPosition().catch(() => undefined);
    const projections = Object.fromEntries(
      this.runner.status().map(({ name, checkpoint, version }) => [
        name,
        {
          version,
          checkpoint: checkpoint.toString(),
          lag: head === undefined ? null : (head > checkpoint ? head - checkpoint : 0n).toString(),
        },
      ]),
    );
    const failure = this.runner.failure;
    return failure === undefined
      ? indicator.up({ projections })
      : indicator.down({ failure, projections });
  }
}
