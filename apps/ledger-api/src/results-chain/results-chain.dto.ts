import { IntersectionType, PickType } from '@nestjs/swagger';
import { RecognitionQueryDto } from '../contributions/contribution-queries.dto';
import { MomentQueryDto } from '../queries/moment-query.dto';

/**
 * The valuation policy a results chain values contributions under, as the recognition reports,
 * and the moment it is read at.
 */
export class ResultsChainQueryDto extends IntersectionType(
  MomentQueryDto,
  PickType(RecognitionQueryDto, ['policyId'] as const),
) {}
