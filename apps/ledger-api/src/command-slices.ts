import { AgreementsModule } from './agreements/agreements.module';
import { CommitmentsModule } from './commitments/commitments.module';
import { ConflictsModule } from './conflicts/conflicts.module';
import { ContributionsModule } from './contributions/contributions.module';
import { FeedbackModule } from './feedback/feedback.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { PartnershipsModule } from './partnerships/partnerships.module';
import { ValuationPoliciesModule } from './valuation-policies/valuation-policies.module';

/** The slices that take commands, one per aggregate: the API serves them, the CLI's demo sends them. */
export const COMMAND_SLICES = [
  PartnershipsModule,
  CommitmentsModule,
  ContributionsModule,
  ValuationPoliciesModule,
  AgreementsModule,
  ConflictsModule,
  IndicatorsModule,
  FeedbackModule,
];
