import { applyDecorators, HttpCode, HttpStatus, type Type } from '@nestjs/common';
import {
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiCreatedResponse,
} from '@nestjs/swagger';
import { ApiProblems } from '../problem/api-problems.decorator';

export class CommandResultDocument {
  @ApiProperty({
    example: 'youth-2026--tutoring-hours',
    description:
      'The id of what the command acted on; for a create, the id recorded (the objects of a ' +
      'partnership are named <partnershipId>--<id>)',
  })
  id!: string;
  @ApiProperty({ example: 'commitment-youth-2026--tutoring-hours' })
  stream!: string;
  @ApiProperty({
    example: '3',
    description: "The stream's revision after the command (decimal string)",
  })
  revision!: string;
  @ApiProperty({
    example: '42',
    description: 'Global log position of the last event (decimal string)',
  })
  position!: string;
  @ApiProperty({ example: ['PartnerJoined'], description: 'Types of the events recorded' })
  events!: string[];
}

/**
 * A command route: its summary, the answer (`answers`, when it is not the command's result alone),
 * the headers it reads and the problems it may return.
 */
export function ApiCommand(
  summary: string,
  options: { creates?: boolean; answers?: Type<unknown> } = {},
) {
  const type = options.answers ?? CommandResultDocument;
  return applyDecorators(
    ApiOperation({ summary }),
    HttpCode(options.creates ? HttpStatus.CREATED : HttpStatus.OK),
    options.creates ? ApiCreatedResponse({ type }) : ApiOkResponse({ type }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Makes the command safe to retry: the same key is recorded once',
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description: 'Groups the events of one user action',
    }),
    ApiProblems(400, 403, 404, 409, 422, 503),
  );
}
