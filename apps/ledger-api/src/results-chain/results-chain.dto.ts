import { IsOptionalReference } from '../validation/dto-validators';
import { ReadModelQueryDto } from '../queries/read-model-query.dto';

/** The valuation policy a results chain values contributions under. */
export class ResultsChainQueryDto extends ReadModelQueryDto {
  @IsOptionalReference(
    'The valuation policy to value with, at the rates it holds now (default: `default`, when defined)',
    'default',
  )
  policyId?: string;
}
