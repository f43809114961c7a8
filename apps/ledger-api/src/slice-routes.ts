import { AgreementsModule } from './agreements/agreements.module';
import { CommitmentsModule } from './commitments/commitments.module';
import { ConflictsModule } from './conflicts/conflicts.module';
import { ContributionsModule } from './contributions/contributions.module';
import { DataSubjectsModule } from './data-subjects/data-subjects.module';
import { ErasuresModule } from './erasures/erasures.module';
import { FeedbackModule } from './feedback/feedback.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { PartnershipsModule } from './partnerships/partnerships.module';
import { PeopleModule } from './people/people.module';
import { ResultsChainModule } from './results-chain/results-chain.module';
import { ValuationPoliciesModule } from './valuation-policies/valuation-policies.module';

/** The HTTP routes of the slices, one per aggregate (each imports its application module). */
export const SLICE_ROUTES = [
  PartnershipsModule,
  CommitmentsModule,
  ContributionsModule,
  ValuationPoliciesModule,
  AgreementsModule,
  ConflictsModule,
  IndicatorsModule,
  FeedbackModule,
  PeopleModule,
  ErasuresModule,
  ResultsChainModule,
  DataSubjectsModule,
];
