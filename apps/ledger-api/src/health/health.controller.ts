import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Authorize, PublicRoute } from '../authorization/authorize.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { EventStoreHealthIndicator } from './event-store.health';
import { ReadModelsHealthIndicator } from './read-models.health';
import { RetentionHealthIndicator } from './retention.health';

/**
 * Two answers: `/health`, public, for probes and load balancers, says only ok or not; the details
 * (log head, each read model's checkpoint, why writes or projections fail and since when) name
 * positions and causes, so `/health/details` serves them to administrators and auditors.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly readModels: ReadModelsHealthIndicator,
    private readonly retention: RetentionHealthIndicator,
  ) {}

  @PublicRoute()
  @Get()
  @ApiOperation({
    summary:
      'Liveness and readiness: 200 {"status":"ok"} when the event store answers and takes ' +
      'writes and the read models apply the log; a 503 problem otherwise (details: /health/details)',
  })
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { enum: ['ok'] } } } })
  @ApiProblems(503)
  async check(): Promise<{ status: 'ok' }> {
    try {
      // The retention signal is never down, and its survey reads the log: probes leave it out.
      await this.health.check([
        () => this.eventStore.isReachable(),
        () => this.readModels.isUpToDate(),
      ]);
      return { status: 'ok' };
    } catch {
      throw new ServiceUnavailableException('The ledger is not healthy: see /health/details');
    }
  }

  @Authorize(['admin', 'auditor'])
  @Get('details')
  @HealthCheck()
  @ApiOperation({
    summary:
      'Whether the event store answers and takes writes (since when it does not), and how far ' +
      'each read model has caught up (why and since when it stopped); the retention of ' +
      'feedback contacts (contacts overdue for shredding, the last run), a signal that is never down',
  })
  details() {
    return this.health.check([
      () => this.eventStore.isReachable(),
      () => this.readModels.isUpToDate(),
      () => this.retention.signal(),
    ]);
  }
}
