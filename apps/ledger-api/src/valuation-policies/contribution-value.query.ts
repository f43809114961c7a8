import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  AggregateNotFound,
  type ValuedContribution,
  valuationPolicyDecider,
  valueContribution,
} from '@cohesion/domain';
import { AggregateStore } from '../command-side/aggregate-store';
import { streamOf } from '../command-side/aggregates';
import type { PolicyValueDocument } from './value-query.dto';

/** What a contribution is worth under a policy as it stands now (folded from its stream). */
export class ContributionValueQuery extends Query<PolicyValueDocument> {
  constructor(
    readonly policyId: string,
    readonly contribution: ValuedContribution,
  ) {
    super();
  }
}

/** Pure: reads the policy's stream and records nothing; read models will take this over. */
@QueryHandler(ContributionValueQuery)
export class ContributionValueHandler
  implements IQueryHandler<ContributionValueQuery, PolicyValueDocument>
{
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ policyId, contribution }: ContributionValueQuery): Promise<PolicyValueDocument> {
    const stream = streamOf('valuation-policy', policyId);
    const { state, revision } = await this.aggregates.load(stream, valuationPolicyDecider);
    if (state.status === 'none' || revision === undefined) {
      throw new AggregateNotFound('ValuationPolicy', policyId);
    }
    return {
      policyId,
      revision: revision.toString(),
      ...contribution,
      value: valueContribution(contribution, state) ?? null,
    };
  }
}
