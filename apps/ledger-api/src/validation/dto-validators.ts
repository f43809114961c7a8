import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsISO8601,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';

/**
 * Optional: absent is fine, but `null` is validated like any value (and refused), so that no
 * null ever lands in an event. Use instead of `IsOptional()` in command bodies.
 */
export const IfPresent = () => ValidateIf((_: object, value: unknown) => value !== undefined);

/**
 * Ids in the ledger: letters, digits, _ and -, starting with a letter or digit. An object of a
 * partnership is named `<partnershipId>--<id>`, so references run up to 201 characters.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,200}$/;
export const ID_MESSAGE =
  '$property must be 1-201 letters, digits, _ or -, starting with a letter or digit';
/** An id a client chooses for what it creates: up to 100 characters. */
const NEW_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const NEW_ID_MESSAGE =
  '$property must be 1-100 letters, digits, _ or -, starting with a letter or digit';
/** A partnership's id: as any new id, without `--`, which separates it from its objects' ids. */
const PARTNERSHIP_ID_PATTERN = /^(?!.*--)[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

export const IsLedgerId = (description: string, example = 'youth-2026') =>
  applyDecorators(
    ApiProperty({ description, example, pattern: ID_PATTERN.source }),
    IsString(),
    Matches(ID_PATTERN, { message: ID_MESSAGE }),
  );

/** An optional reference to something that exists already (never generated). */
export const IsOptionalReference = (description: string, example?: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, example, pattern: ID_PATTERN.source }),
    IfPresent(),
    IsString(),
    Matches(ID_PATTERN, { message: ID_MESSAGE }),
  );

/** An optional id of something the command creates: generated from the command id when absent. */
export const IsOptionalLedgerId = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({
      description: `${description} (generated when absent)`,
      pattern: NEW_ID_PATTERN.source,
    }),
    IfPresent(),
    IsString(),
    Matches(NEW_ID_PATTERN, { message: NEW_ID_MESSAGE }),
  );

/**
 * The optional id of an object a command creates in a partnership: the ledger qualifies it by the
 * partnership (`<partnershipId>--<id>`, see `idInPartnership`) and answers the id it recorded.
 */
export const IsOptionalIdInPartnership = (description: string) =>
  IsOptionalLedgerId(
    `${description}, within its partnership: recorded as <partnershipId>--<id> (the answer's id)`,
  );

/** The optional id of a partnership the command founds: no `--` in it. */
export const IsOptionalPartnershipId = () =>
  applyDecorators(
    ApiPropertyOptional({
      description: 'Partnership id (generated when absent); it never contains --',
      pattern: PARTNERSHIP_ID_PATTERN.source,
    }),
    IfPresent(),
    IsString(),
    Matches(PARTNERSHIP_ID_PATTERN, {
      message: `${NEW_ID_MESSAGE}, without --`,
    }),
  );

export const IsText = (description: string, example?: string, maxLength = 2000) =>
  applyDecorators(
    ApiProperty({ description, example, maxLength }),
    IsString(),
    IsNotEmpty(),
    MaxLength(maxLength),
  );

export const IsOptionalText = (description: string, maxLength = 2000) =>
  applyDecorators(
    ApiPropertyOptional({ description, maxLength }),
    IfPresent(),
    IsString(),
    MaxLength(maxLength),
  );

export const IsTextList = (description: string, example: string[] = []) =>
  applyDecorators(
    ApiProperty({ description, example, type: [String] }),
    IsArray(),
    ArrayMaxSize(100),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(500, { each: true }),
  );

export const IsCalendarDate = (description: string, example = '2026-12-31') =>
  applyDecorators(
    ApiProperty({ description, example, format: 'date' }),
    IsISO8601({ strict: true }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
  );

export const IsOptionalCalendarDate = (description: string, example?: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, format: 'date', example }),
    IfPresent(),
    IsISO8601({ strict: true }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
  );

const kindOf = (args?: ValidationArguments) =>
  (args?.object as { kind?: unknown } | undefined)?.kind;

/**
 * In a tagged union sent as one DTO (`{ kind, personId?, feedbackId? }`), the id that an object
 * of this kind must name, and that no other kind may carry: checked whenever the kind matches or
 * the id is sent, so a stray id of another kind is refused rather than recorded.
 */
export const IsIdOfKind = (kind: string, description: string) =>
  applyDecorators(
    ApiPropertyOptional({
      description: `${description} (${kind} subjects only)`,
      pattern: ID_PATTERN.source,
    }),
    ValidateIf(
      (object: { kind?: unknown }, id: unknown) => object.kind === kind || id !== undefined,
    ),
    ValidateBy({
      name: 'isIdOfKind',
      constraints: [kind],
      validator: {
        validate: (id: unknown, args) => kindOf(args) === kind && id !== undefined,
        defaultMessage: (args) =>
          kindOf(args) === kind
            ? `$property is required for a ${kind} subject`
            : `$property is only for a ${kind} subject`,
      },
    }),
    IsString(),
    Matches(ID_PATTERN, { message: ID_MESSAGE }),
  );
