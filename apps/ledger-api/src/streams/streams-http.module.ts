import { Module } from '@nestjs/common';
import { StreamsModule } from '@cohesion/application';
import { StreamsController } from './streams.controller';

/** HTTP routes of any stream's raw events and state. */
@Module({ imports: [StreamsModule], controllers: [StreamsController] })
export class StreamsHttpModule {}
