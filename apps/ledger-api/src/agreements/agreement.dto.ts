import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  IsLedgerId,
  IsOptionalCalendarDate,
  IsOptionalIdInPartnership,
  IsText,
  IsTextList,
} from '../validation/dto-validators';
import { IsOptionalActingPartner } from '../commands/acting-partner.dto';
import { ActDto } from '../commands/act.dto';

const TERMS_HASH = /^[0-9a-f]{64}$/;

export class AgreementClauseDto {
  @IsLedgerId('Clause id, by which a conflict refers to the clause', 'c1')
  clauseId!: string;
  @IsText('What the parties agree to', 'The city lends the hall on Wednesday afternoons.', 5000)
  text!: string;
}

/** Ordered clauses. Emptiness and duplicate ids are domain rules (422), not malformed bodies. */
const IsClauses = () =>
  applyDecorators(
    ApiProperty({
      type: [AgreementClauseDto],
      description: 'The terms, clause by clause, in order',
    }),
    IsArray(),
    ArrayMaxSize(200),
    // Without it, a nested array ([[...]]) would slip through ValidateNested.
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(() => AgreementClauseDto),
  );

export class ProposeAgreementDto extends ActDto {
  @IsOptionalIdInPartnership('Agreement id')
  agreementId?: string;
  @IsLedgerId('Partnership whose members are the parties', 'youth-2026')
  partnershipId!: string;
  @IsText('Title', 'Homework club at the community hall', 200)
  title!: string;
  @IsTextList('Partner ids of the parties (members of the partnership)', ['city', 'assoc'])
  parties!: string[];
  @IsClauses()
  clauses!: AgreementClauseDto[];
  @IsOptionalCalendarDate('Last day the agreement is in force; none means open-ended')
  endsOn?: string;
}

export class AmendAgreementDto extends ActDto {
  @IsClauses()
  clauses!: AgreementClauseDto[];
  @IsText('Why the terms change', 'No club during school holidays')
  reason!: string;
  @IsOptionalActingPartner('Party who amends')
  amendedBy?: string;
}

export class SignAgreementDto extends ActDto {
  @ApiProperty({
    description:
      'Hash of the exact terms version you read and sign (`terms[-1].termsHash` of ' +
      'GET /streams/agreement-<id>/state): a signature never binds terms you have not seen',
    pattern: TERMS_HASH.source,
  })
  @IsString()
  @Matches(TERMS_HASH, { message: '$property must be a SHA-256 hash in lowercase hex' })
  termsHash!: string;
  @IsOptionalActingPartner('Party who signs')
  partyId?: string;
}

export class DeclineAgreementDto extends ActDto {
  @IsText('Why the party declines', 'We cannot staff the club')
  reason!: string;
  @IsOptionalActingPartner('Party who declines')
  partyId?: string;
}

export class TerminateAgreementDto extends ActDto {
  @IsText('Why the agreement ends early', 'The hall was sold')
  reason!: string;
  @IsOptionalActingPartner('Party who terminates')
  terminatedBy?: string;
}
