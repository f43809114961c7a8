import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTRIBUTION_KINDS, type ContributionKind } from '@cohesion/domain';
import type { ValuationPolicyView } from '@cohesion/projections';
import { PageDocument } from '../queries/page-document';

/** A rate version or a retirement: the fields of both, those of the other kind absent. */
class PolicyEntryDocument {
  @ApiProperty({ enum: ['rate', 'retirement'] })
  entry!: 'rate' | 'retirement';
  @ApiProperty({ example: 1, description: 'Position of the entry in the policy (1, 2, …)' })
  version!: number;
  @ApiProperty({ enum: CONTRIBUTION_KINDS, example: 'volunteer_time' })
  kind!: ContributionKind;
  @ApiProperty({ example: 'hours' })
  unit!: string;
  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'In force from this day' })
  effectiveFrom!: string;
  @ApiPropertyOptional({ example: 15.5, description: 'A rate: the value of one unit' })
  rate?: number;
  @ApiPropertyOptional({ example: 'EUR', description: 'A rate: its currency' })
  currency?: string;
  @ApiPropertyOptional({ description: 'A rate: where it comes from' })
  source?: string;
  @ApiPropertyOptional({ description: 'A retirement: why the pair is no longer valued' })
  reason?: string;
}

/** `entries` is a union, which a class cannot implement: its document lists both kinds' fields. */
export class ValuationPolicyDocument implements Omit<ValuationPolicyView, 'entries'> {
  @ApiProperty({ example: 'northside-2026' })
  policyId!: string;
  @ApiProperty({ example: 'Northside valuation of volunteering 2026' })
  name!: string;
  @ApiProperty({ example: 'EUR', description: 'The currency every value is expressed in' })
  currency!: string;
  @ApiProperty({ format: 'date-time', description: 'When the ledger recorded its definition' })
  definedAt!: string;
  @ApiProperty({
    type: [PolicyEntryDocument],
    description: 'Every rate version and retirement ever set, in order (never rewritten)',
  })
  entries!: PolicyEntryDocument[];
}

export class ValuationPolicyPageDocument extends PageDocument(ValuationPolicyDocument) {}
