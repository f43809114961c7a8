import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  isObject,
  IsNumber,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';

/** Values are plain numbers: JSON has no NaN or Infinity, and a string "12" is not a number. */
export const IsIndicatorValue = (description: string, example: number) =>
  applyDecorators(
    ApiProperty({ description, example }),
    IsNumber({ allowNaN: false, allowInfinity: false }),
  );

const unitKindOf = (args?: ValidationArguments) =>
  (args?.object as { kind?: unknown } | undefined)?.kind;

/**
 * A likert unit must carry its scale and no other unit may: checked whenever the kind is likert or
 * a scale is sent, so that `{ kind: 'percent', scale: ... }` is refused rather than silently kept.
 */
export const IsScaleOfLikertUnit = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'The scale of a likert unit (likert only)' }),
    ValidateIf((unit: { kind?: unknown; scale?: unknown }) => {
      return unit.kind === 'likert' || unit.scale !== undefined;
    }),
    ValidateBy({
      name: 'isScaleOfLikertUnit',
      validator: {
        validate: (scale: unknown, args) => unitKindOf(args) === 'likert' && scale !== undefined,
        defaultMessage: (args) =>
          unitKindOf(args) === 'likert'
            ? '$property { min, max } is required for a likert unit'
            : '$property is only for a likert unit',
      },
    }),
  );

const MAX_DIMENSIONS = 20;
const MAX_NAME = 100;
const MAX_VALUE = 200;

/** Structure only; whether each name is a dimension of the indicator is the decider's rule. */
function isDimensionValues(value: unknown): boolean {
  if (!isObject(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= MAX_DIMENSIONS &&
    entries.every(
      ([name, text]) =>
        name.length > 0 &&
        name.length <= MAX_NAME &&
        typeof text === 'string' &&
        text.length <= MAX_VALUE,
    )
  );
}

/** The cell of a breakdown: dimension name → value, e.g. `{ neighbourhood: 'Les Tilleuls' }`. */
export const IsDimensionValues = () =>
  applyDecorators(
    ApiProperty({
      description: 'The cell: a value for each dimension it is broken down by',
      type: 'object',
      additionalProperties: { type: 'string', maxLength: MAX_VALUE },
      example: { neighbourhood: 'Les Tilleuls', age_group: '15-24' },
    }),
    ValidateBy({
      name: 'isDimensionValues',
      validator: {
        validate: isDimensionValues,
        defaultMessage: () =>
          `$property must be an object of up to ${MAX_DIMENSIONS} dimension names ` +
          `(1-${MAX_NAME} characters) to text values (up to ${MAX_VALUE} characters)`,
      },
    }),
  );
