import { Module } from '@nestjs/common';
import { ContributionValueHandler } from './contribution-value.query';
import { ValuationPoliciesController } from './valuation-policies.controller';
import { ValuationPolicyCommandHandler } from './valuation-policy-command.handler';

@Module({
  controllers: [ValuationPoliciesController],
  providers: [ValuationPolicyCommandHandler, ContributionValueHandler],
})
export class ValuationPoliciesModule {}
