import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The OpenAPI schema of an RFC 9457 problem document. */
export class ProblemDocument {
  @ApiProperty({ example: 'urn:cohesion-ledger:problem:partner-not-member' })
  type!: string;
  @ApiProperty({ example: 'A ledger rule refused the command' })
  title!: string;
  @ApiProperty({ example: 422 })
  status!: number;
  @ApiPropertyOptional({ example: 'Partner p-7 is not a member of youth-2026' })
  detail?: string;
  @ApiPropertyOptional({ example: '/partnerships/youth-2026/meetings' })
  instance?: string;
  @ApiPropertyOptional({ description: 'The rule broken (422 only)', example: 'partner-not-member' })
  rule?: string;
}

const MEANINGS: Record<number, string> = {
  400: 'The request is malformed or fails validation (errors lists every reason)',
  401: 'No acting principal',
  403: "The principal may not do this (e.g. acting in another partner's name)",
  404: 'The aggregate or stream does not exist',
  409: 'Another command changed the stream first (retry), or the Idempotency-Key was used for another command',
  422: 'A domain rule refused the command; `type` and `rule` name the rule',
  503: 'Temporarily unavailable (Retry-After): the ledger storage cannot be reached or cannot write (a full disk, an I/O fault), or the read models did not reach the required position in time. A command may be resent with the same Idempotency-Key',
};

/** Documents the problem+json answers a route can give. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDocument),
    ...[...new Set([401, ...statuses])].map((status) =>
      ApiResponse({
        status,
        description: MEANINGS[status],
        content: {
          'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDocument) } },
        },
      }),
    ),
  );
}
