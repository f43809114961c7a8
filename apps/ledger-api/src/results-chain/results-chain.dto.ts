import { IntersectionType, PickType } from '@nestjs/swagger';
import { RecognitionQueryDto } from '../contributions/contribution-queries.dto';
import { ReadModelQueryDto } from '../queries/read-model-query.dto';

/** The valuation policy a results chain values contributions under, as the recognition reports. */
export class ResultsChainQueryDto extends IntersectionType(
  ReadModelQueryDto,
  PickType(RecognitionQueryDto, ['policyId'] as const),
) {}
