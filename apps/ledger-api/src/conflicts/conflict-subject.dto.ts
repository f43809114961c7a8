import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, ValidateNested } from 'class-validator';
import type { ConflictSubject } from '@cohesion/domain';
import { IsLedgerId, IsText } from '../validation/dto-validators';

type Kind = ConflictSubject['kind'];

const IsKind = (kind: Kind) =>
  applyDecorators(ApiProperty({ enum: [kind] }), IsIn([kind], { message: `kind must be ${kind}` }));

export class CommitmentSubjectDto {
  @IsKind('commitment')
  kind!: 'commitment';
  @IsLedgerId('Commitment the conflict is about', 'hall-wednesdays')
  commitmentId!: string;
}

export class ContributionSubjectDto {
  @IsKind('contribution')
  kind!: 'contribution';
  @IsLedgerId('Contribution the conflict is about', 'volunteers-march')
  contributionId!: string;
}

export class AgreementClauseSubjectDto {
  @IsKind('agreement_clause')
  kind!: 'agreement_clause';
  @IsLedgerId('Agreement the disputed clause belongs to', 'homework-club')
  agreementId!: string;
  @IsLedgerId('The disputed clause', 'c2')
  clauseId!: string;
}

export class FreeSubjectDto {
  @IsKind('free')
  kind!: 'free';
  @IsText('What the conflict is about, when it concerns no recorded fact', 'Noise at night')
  description!: string;
}

/** One class per kind, typed so that a kind added to the domain fails to compile here. */
const SUBJECTS: { [K in Kind]: new () => Extract<ConflictSubject, { kind: K }> } = {
  commitment: CommitmentSubjectDto,
  contribution: ContributionSubjectDto,
  agreement_clause: AgreementClauseSubjectDto,
  free: FreeSubjectDto,
};
const KINDS = Object.keys(SUBJECTS) as Kind[];

/**
 * What class-transformer builds for a subject whose kind is missing or unknown: validating it
 * fails on `kind`, so the request is a 400 rather than a half-checked subject.
 */
class UnknownSubjectDto {
  @IsIn(KINDS, { message: `kind must be one of ${KINDS.join(', ')}` })
  kind!: string;
}

export type ConflictSubjectDto =
  | CommitmentSubjectDto
  | ContributionSubjectDto
  | AgreementClauseSubjectDto
  | FreeSubjectDto;

/**
 * The subject is a discriminated union: `kind` picks the class the body is validated against, so
 * each kind's fields are required and any other kind's fields are refused (forbidNonWhitelisted).
 */
export const IsConflictSubject = () =>
  applyDecorators(
    ApiProperty({
      description: 'What the conflict is about, by `kind`',
      oneOf: Object.values(SUBJECTS).map((dto) => ({ $ref: getSchemaPath(dto) })),
      discriminator: {
        propertyName: 'kind',
        mapping: Object.fromEntries(
          Object.entries(SUBJECTS).map(([kind, dto]) => [kind, getSchemaPath(dto)]),
        ),
      },
    }),
    // Also refuses arrays, which ValidateNested would otherwise walk element by element.
    IsObject(),
    ValidateNested(),
    Type(() => UnknownSubjectDto, {
      keepDiscriminatorProperty: true,
      discriminator: {
        property: 'kind',
        subTypes: Object.entries(SUBJECTS).map(([name, value]) => ({ name, value })),
      },
    }),
  );

/** Registers the subject classes with OpenAPI, for the `$ref`s above (on the route that uses them). */
export const ApiConflictSubjects = () => ApiExtraModels(...Object.values(SUBJECTS));
