import { BadRequestException } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  Validate,
  ValidateIf,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import type { CommitmentBeneficiary } from '@cohesion/domain';
import { ID_PATTERN } from '../validation/dto-validators';

const BENEFICIARY_KINDS = ['partner', 'group'] as const;
type BeneficiaryKind = (typeof BENEFICIARY_KINDS)[number];

/** Each kind carries its own field and not the other's, so a stored beneficiary is never ambiguous. */
@ValidatorConstraint({ name: 'beneficiaryShape' })
class BeneficiaryShape implements ValidatorConstraintInterface {
  validate(kind: unknown, { object }: ValidationArguments): boolean {
    const { partnerId, name } = object as BeneficiaryDto;
    if (kind === 'partner') return name === undefined;
    if (kind === 'group') return partnerId === undefined;
    return true; // an unknown kind is reported by @IsIn
  }

  defaultMessage(): string {
    return 'a partner beneficiary has a partnerId and no name; a group beneficiary a name and no partnerId';
  }
}

/** To whom the commitment is made: a member partner, or a group described in words. */
export class BeneficiaryDto {
  @ApiProperty({ enum: BENEFICIARY_KINDS, example: 'group' })
  @IsIn(BENEFICIARY_KINDS)
  @Validate(BeneficiaryShape)
  kind!: BeneficiaryKind;

  @ApiPropertyOptional({
    description: 'The beneficiary partner (kind "partner" only)',
    pattern: ID_PATTERN.source,
  })
  @ValidateIf((beneficiary: BeneficiaryDto) => beneficiary.kind === 'partner')
  @IsString()
  @Matches(ID_PATTERN, { message: '$property must be a partner id' })
  partnerId?: string;

  @ApiPropertyOptional({
    description: 'The group, in words (kind "group" only)',
    example: '15-18 year olds of Les Tilleuls',
    maxLength: 200,
  })
  @ValidateIf((beneficiary: BeneficiaryDto) => beneficiary.kind === 'group')
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
}

export function beneficiaryOf(dto: BeneficiaryDto): CommitmentBeneficiary {
  switch (dto.kind) {
    case 'partner':
      return { kind: 'partner', partnerId: present(dto.partnerId, 'beneficiary.partnerId') };
    case 'group':
      return { kind: 'group', name: present(dto.name, 'beneficiary.name') };
  }
}

/** Validation guarantees the field; this keeps the types honest without a `!`. */
function present(value: string | undefined, field: string): string {
  if (value === undefined) throw new BadRequestException(`${field} is required`);
  return value;
}
