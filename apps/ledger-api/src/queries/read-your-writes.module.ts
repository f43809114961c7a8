import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ReadModelsModule } from '@cohesion/application';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor';

/** Commands answer once the read models include them; queries may wait for a position. */
@Module({
  imports: [ReadModelsModule],
  providers: [{ provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor }],
})
export class ReadYourWritesModule {}
