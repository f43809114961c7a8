import { Module } from '@nestjs/common';
import { ValuationPoliciesApplicationModule } from '@cohesion/application';
import { ValuationPoliciesController } from './valuation-policies.controller';

/** HTTP routes of the slice; its use cases are in ValuationPoliciesApplicationModule. */
@Module({
  imports: [ValuationPoliciesApplicationModule],
  controllers: [ValuationPoliciesController],
})
export class ValuationPoliciesModule {}
