import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ReadModelsModule } from '@cohesion/application';
import { EventStoreHealthIndicator } from './event-store.health';
import { HealthController } from './health.controller';
import { ReadModelsHealthIndicator } from './read-models.health';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), ReadModelsModule],
  controllers: [HealthController],
  providers: [EventStoreHealthIndicator, ReadModelsHealthIndicator],
})
export class HealthModule {}
