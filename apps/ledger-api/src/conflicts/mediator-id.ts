import { applyDecorators, BadRequestException, type PipeTransform } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/**
 * A mediator is a person, named by the `sub` of the principal they authenticate as (which may be
 * an e-mail address): the same characters the principal guard admits, not a ledger id's.
 */
const PERSON_ID = /^[\w.@:-]{1,200}$/;
const MESSAGE = 'must be the 1-200 letters, digits or . @ : _ - of a person id';

export const IsMediatorId = () =>
  applyDecorators(
    ApiProperty({
      description: 'The person proposed as mediator (the `sub` of their token)',
      example: 'claire-martin',
      pattern: PERSON_ID.source,
    }),
    IsString(),
    Matches(PERSON_ID, { message: `$property ${MESSAGE}` }),
  );

/** Path parameters that name a mediator. */
export class MediatorIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!PERSON_ID.test(value)) {
      throw new BadRequestException(`"${value.slice(0, 120)}" ${MESSAGE}`);
    }
    return value;
  }
}
