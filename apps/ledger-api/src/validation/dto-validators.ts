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
  ValidateIf,
} from 'class-validator';

/**
 * Optional: absent is fine, but `null` is validated like any value (and refused), so that no
 * null ever lands in an event. Use instead of `IsOptional()` in command bodies.
 */
export const IfPresent = () => ValidateIf((_: object, value: unknown) => value !== undefined);

/** Ids chosen by clients (or generated): letters, digits, _ and -, up to 100 characters. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

export const IsLedgerId = (description: string, example = 'youth-2026') =>
  applyDecorators(
    ApiProperty({ description, example, pattern: ID_PATTERN.source }),
    IsString(),
    Matches(ID_PATTERN, {
      message: '$property must be 1-100 letters, digits, _ or -, starting with a letter or digit',
    }),
  );

/** An optional reference to something that exists already (never generated). */
export const IsOptionalReference = (description: string, example?: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, example, pattern: ID_PATTERN.source }),
    IfPresent(),
    IsString(),
    Matches(ID_PATTERN, {
      message: '$property must be 1-100 letters, digits, _ or -, starting with a letter or digit',
    }),
  );

/** An optional id of something the command creates: generated from the command id when absent. */
export const IsOptionalLedgerId = (description: string) =>
  IsOptionalReference(`${description} (generated when absent)`);

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

export const IsOptionalCalendarDate = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, format: 'date' }),
    IfPresent(),
    IsISO8601({ strict: true }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
  );
