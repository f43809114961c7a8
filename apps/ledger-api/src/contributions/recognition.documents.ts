import { ApiProperty } from '@nestjs/swagger';
import { CONTRIBUTION_KINDS, type ContributionKind } from '@cohesion/domain';
import {
  CONTRIBUTION_STATUSES,
  type ContributionStatusView,
  type ContributionValueView,
  type EquityPartnerView,
  GINI_POPULATIONS,
  type GiniPopulation,
  type GiniPopulationView,
  type KindUnitTotalView,
  type MonthTotalsView,
  type PartnerRecognitionInPartnershipView,
  type PartnerRecognitionReportView,
  type PartnerRecognitionView,
  type PartnershipEquityView,
  type PartnershipRecognitionView,
  type RateUsedView,
  type RecognisedContributionView,
  type RecognitionFilterView,
  type RecognitionTotalsView,
  type ReversedContributionView,
  type ChosenValuationView,
  type ValuationChoice,
  type ValuationView,
} from '@cohesion/projections';
import { PageDocument } from '../queries/page-document';

const nullable = (description: string, type: 'string' | 'number' = 'string') =>
  ApiProperty({ description, type, nullable: true });
const Kind = () => ApiProperty({ enum: CONTRIBUTION_KINDS });

class RecognisedValueDocument implements ContributionValueView {
  @ApiProperty({ example: 37800, description: 'quantity × rate, rounded to the cent' })
  amountCents!: number;
  @ApiProperty({ example: 'EUR' })
  currency!: string;
  @ApiProperty({ example: 31.5 })
  rate!: number;
  @nullable('The policy entry whose rate applied; null for money at face value', 'number')
  rateVersion!: number | null;
}

export class RecognisedContributionDocument implements RecognisedContributionView {
  @ApiProperty()
  contributionId!: string;
  @ApiProperty({ description: 'Log position at which it was recorded' })
  position!: number;
  @ApiProperty()
  partnershipId!: string;
  @ApiProperty({ description: 'The contributing partner' })
  partnerId!: string;
  @Kind()
  kind!: ContributionKind;
  @ApiProperty({ example: 12, description: 'The raw quantity: the fact' })
  quantity!: number;
  @ApiProperty({ example: 'hours' })
  unit!: string;
  @ApiProperty({ format: 'date', description: 'The day it was given' })
  date!: string;
  @ApiProperty()
  description!: string;
  @nullable('The commitment it fulfils')
  commitmentId!: string | null;
  @ApiProperty({ enum: CONTRIBUTION_STATUSES })
  status!: ContributionStatusView;
  @ApiProperty({ type: [String], description: 'Partners who acknowledged it' })
  acknowledgedBy!: string[];
  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
  @ApiProperty({
    description: 'Recorded more than LEDGER_BACKFILL_AFTER_DAYS after it took effect',
  })
  backfilled!: boolean;
  @nullable('Why it was recorded only then (back-filled); null otherwise')
  backfillReason!: string | null;
  @nullable('When it was reversed')
  reversedAt!: string | null;
  @nullable('Why it was reversed')
  reversalReason!: string | null;
  @ApiProperty({
    type: RecognisedValueDocument,
    nullable: true,
    description: 'Under the policy asked for; null without one, or with no rate in force that day',
  })
  value!: RecognisedValueDocument | null;
}

export class RecognisedContributionPageDocument extends PageDocument(
  RecognisedContributionDocument,
) {}

export class ValuationDocument implements ValuationView {
  @ApiProperty({ example: 'default' })
  policyId!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ example: 'EUR' })
  currency!: string;
}

class ChosenValuationDocument extends ValuationDocument implements ChosenValuationView {
  @ApiProperty({
    enum: ['named', 'partnership-default', 'ledger-default'],
    description:
      "Why this policy: named by `policyId`, the partnership's default (POST " +
      '/partnerships/:id/default-valuation-policy), or the ledger-wide policy `default`',
  })
  chosenBy!: ValuationChoice;
}

export class RateUsedDocument implements RateUsedView {
  @nullable('Policy entry version; null for money at face value', 'number')
  version!: number | null;
  @Kind()
  kind!: ContributionKind;
  @ApiProperty()
  unit!: string;
  @nullable('In force from')
  effectiveFrom!: string | null;
  @ApiProperty()
  rate!: number;
  @ApiProperty()
  currency!: string;
  @ApiProperty({ description: 'Where the rate comes from ("face value" for money)' })
  source!: string;
  @ApiProperty({ description: 'How many contributions it valued here' })
  contributions!: number;
}

class KindUnitTotalDocument implements KindUnitTotalView {
  @Kind()
  kind!: ContributionKind;
  @ApiProperty()
  unit!: string;
  @ApiProperty()
  contributions!: number;
  @ApiProperty({ description: 'Sum of the raw quantities, in `unit`' })
  quantity!: number;
  @nullable('Sum of the values found; null without a policy', 'number')
  valueCents!: number | null;
  @ApiProperty({ description: 'How many had no rate in force (not in valueCents)' })
  unvalued!: number;
}

export class RecognitionTotalsDocument implements RecognitionTotalsView {
  @ApiProperty({ description: 'Reversed contributions excluded' })
  contributions!: number;
  @nullable('Total value in cents; null without a policy', 'number')
  valueCents!: number | null;
  @ApiProperty()
  unvalued!: number;
  @ApiProperty({ type: [KindUnitTotalDocument] })
  byKindAndUnit!: KindUnitTotalDocument[];
}

class ReversedContributionDocument implements ReversedContributionView {
  @ApiProperty()
  contributionId!: string;
  @ApiProperty()
  partnershipId!: string;
  @Kind()
  kind!: ContributionKind;
  @ApiProperty()
  quantity!: number;
  @ApiProperty()
  unit!: string;
  @ApiProperty({ format: 'date' })
  date!: string;
  @ApiProperty()
  description!: string;
  @nullable('When it was reversed')
  reversedAt!: string | null;
  @nullable('Why')
  reason!: string | null;
}

class RecognitionFilterDocument implements RecognitionFilterView {
  @nullable('From (inclusive)')
  from!: string | null;
  @nullable('To (inclusive)')
  to!: string | null;
  @ApiProperty({ enum: CONTRIBUTION_KINDS, nullable: true })
  kind!: ContributionKind | null;
}

class PartnerRecognitionDocument implements PartnerRecognitionView {
  @ApiProperty()
  partnerId!: string;
  @nullable('Its name in the partnership')
  name!: string | null;
  @ApiProperty()
  member!: boolean;
  @ApiProperty({ type: RecognitionTotalsDocument })
  totals!: RecognitionTotalsDocument;
  @nullable("Its value ÷ the partnership's, 4 decimals", 'number')
  share!: number | null;
  @ApiProperty()
  acknowledgementsReceived!: number;
  @ApiProperty()
  acknowledgedContributions!: number;
  @ApiProperty({ type: [ReversedContributionDocument], description: 'Listed, not counted' })
  reversed!: ReversedContributionDocument[];
}

class MonthTotalsDocument implements MonthTotalsView {
  @ApiProperty({ example: '2026-03', description: 'The month of the days given (YYYY-MM)' })
  month!: string;
  @ApiProperty({ type: RecognitionTotalsDocument })
  totals!: RecognitionTotalsDocument;
}

export class PartnershipRecognitionDocument implements PartnershipRecognitionView {
  @ApiProperty()
  partnershipId!: string;
  @nullable('Its name')
  name!: string | null;
  @ApiProperty({ type: RecognitionFilterDocument })
  filter!: RecognitionFilterDocument;
  @ApiProperty({
    type: ChosenValuationDocument,
    nullable: true,
    description: 'The policy it was valued under, and why; null when no policy is defined',
  })
  valuation!: ChosenValuationDocument | null;
  @ApiProperty({ type: RecognitionTotalsDocument })
  totals!: RecognitionTotalsDocument;
  @ApiProperty({ type: [PartnerRecognitionDocument] })
  partners!: PartnerRecognitionDocument[];
  @ApiProperty({
    type: [MonthTotalsDocument],
    description:
      'The counted contributions month by month, oldest first; months with none left out',
  })
  byMonth!: MonthTotalsDocument[];
  @ApiProperty({ type: [RateUsedDocument] })
  ratesUsed!: RateUsedDocument[];
}

class PartnerInPartnershipDocument
  extends PartnerRecognitionDocument
  implements PartnerRecognitionInPartnershipView
{
  @ApiProperty()
  partnershipId!: string;
  @nullable('The partnership’s name')
  partnershipName!: string | null;
}

export class PartnerRecognitionReportDocument implements PartnerRecognitionReportView {
  @ApiProperty()
  partnerId!: string;
  @ApiProperty({ type: RecognitionFilterDocument })
  filter!: RecognitionFilterDocument;
  @ApiProperty({
    type: ChosenValuationDocument,
    nullable: true,
    description: 'The policy it was valued under, and why; null when no policy is defined',
  })
  valuation!: ChosenValuationDocument | null;
  @ApiProperty({ type: RecognitionTotalsDocument, description: 'Across its partnerships' })
  totals!: RecognitionTotalsDocument;
  @ApiProperty({ type: [PartnerInPartnershipDocument] })
  partnerships!: PartnerInPartnershipDocument[];
  @ApiProperty({ type: [RateUsedDocument] })
  ratesUsed!: RateUsedDocument[];
}

class EquityPartnerDocument implements EquityPartnerView {
  @ApiProperty()
  partnerId!: string;
  @nullable('Its name')
  name!: string | null;
  @ApiProperty()
  member!: boolean;
  @nullable('Value of its contributions; null without a policy', 'number')
  valueCents!: number | null;
  @nullable('Its share of the value given', 'number')
  contributionShare!: number | null;
  @ApiProperty({ description: 'Commitments made, not withdrawn, due in the period' })
  commitments!: number;
  @nullable('Its share of those commitments', 'number')
  commitmentShare!: number | null;
  @ApiProperty({ type: [String], description: 'Its responsibilities now' })
  responsibilities!: string[];
  @nullable('Its share of the responsibilities held now', 'number')
  responsibilityShare!: number | null;
  @nullable('contributionShare − commitmentShare', 'number')
  balance!: number | null;
}

class GiniPopulationDocument implements GiniPopulationView {
  @ApiProperty({
    enum: GINI_POPULATIONS,
    description:
      '`listed`: every partner listed, those who gave nothing valued counted as 0; ' +
      '`contributors`: only those who gave something valued',
  })
  over!: GiniPopulation;
  @ApiProperty({ description: 'How many values the coefficient is of' })
  partners!: number;
  @ApiProperty({ description: 'Of them, how many gave nothing valued (counted as 0)' })
  zeros!: number;
}

export class PartnershipEquityDocument implements PartnershipEquityView {
  @ApiProperty()
  partnershipId!: string;
  @nullable('Its name')
  name!: string | null;
  @ApiProperty({ type: RecognitionFilterDocument })
  filter!: RecognitionFilterDocument;
  @ApiProperty({
    type: ChosenValuationDocument,
    nullable: true,
    description: 'The policy it was valued under, and why; null when no policy is defined',
  })
  valuation!: ChosenValuationDocument | null;
  @nullable('Value of all contributions counted', 'number')
  totalValueCents!: number | null;
  @nullable(
    'Gini coefficient of the partners’ contribution values: 0 all equal, towards 1 one gives all',
    'number',
  )
  gini!: number | null;
  @ApiProperty({
    type: GiniPopulationDocument,
    nullable: true,
    description:
      'Whose values the Gini coefficient is of (choose with `giniOver`); null without value',
  })
  giniPopulation!: GiniPopulationDocument | null;
  @ApiProperty({
    type: [EquityPartnerDocument],
    description: 'Current members, and anyone who gave or committed in the period',
  })
  partners!: EquityPartnerDocument[];
  @ApiProperty({ type: [RateUsedDocument] })
  ratesUsed!: RateUsedDocument[];
}
