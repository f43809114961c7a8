import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../principal/public.decorator';
import { EventStoreHealthIndicator } from './event-store.health';
import { ReadModelsHealthIndicator } from './read-models.health';
import { PublicRoute } from '../authorization/authorize.decorator';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly readModels: ReadModelsHealthIndicator,
  ) {}

  @PublicRoute()
  @Get()
  @HealthCheck()
  @ApiOperation({
    summary: 'Whether the event store is reachable, and how far each read model has caught up',
  })
  check() {
    return this.health.check([
      () => this.eventStore.isReachable(),
      () => this.readModels.isUpToDate(),
    ]);
  }
}
