import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ReadModelsModule, RetentionApplicationModule } from '@cohesion/application';
import { EventStoreHealthIndicator } from './event-store.health';
import { HealthController } from './health.controller';
import { ReadModelsHealthIndicator } from './read-models.health';
import { RetentionHealthIndicator } from './retention.health';

@Module({
  imports: [
    TerminusModule.forRoot({ logger: false }),
    ReadModelsModule,
    RetentionApplicationModule,
  ],
  controllers: [HealthController],
  providers: [EventStoreHealthIndicator, ReadModelsHealthIndicator, RetentionHealthIndicator],
})
export class HealthModule {}
