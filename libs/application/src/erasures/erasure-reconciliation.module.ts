import { Module } from '@nestjs/common';
import { ErasuresApplicationModule } from './erasures-application.module';
import { ErasureReconciliation } from './erasure-reconciliation';

/** For the long-running process (the API): destroys at start what a crash left undone. */
@Module({
  imports: [ErasuresApplicationModule],
  providers: [ErasureReconciliation],
  exports: [ErasureReconciliation],
})
export class ErasureReconciliationModule {}
