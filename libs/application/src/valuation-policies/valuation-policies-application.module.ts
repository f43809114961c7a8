import { Module } from '@nestjs/common';
import { CommandSideModule } from '../command-side/command-side.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { ValuationPolicyCommandHandler } from './valuation-policy-command.handler';
import { ContributionValueHandler } from './contribution-value.query';
import { ListValuationPoliciesHandler } from './valuation-policies.query';

/** Valuation policies and their versioned rates. */
@Module({
  imports: [CommandSideModule, ReadModelsModule],
  providers: [
    ValuationPolicyCommandHandler,
    ContributionValueHandler,
    ListValuationPoliciesHandler,
  ],
})
export class ValuationPoliciesApplicationModule {}
