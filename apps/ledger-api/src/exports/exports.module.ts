import { Module } from '@nestjs/common';
import { ExportsApplicationModule } from '@cohesion/application';
import { ExportsController } from './exports.controller';

/** HTTP routes of the slice; its use cases are in ExportsApplicationModule. */
@Module({
  imports: [ExportsApplicationModule],
  controllers: [ExportsController],
})
export class ExportsModule {}
