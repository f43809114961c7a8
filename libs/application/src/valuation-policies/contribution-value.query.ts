import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  AggregateNotFound,
  type ContributionValue,
  type ValuedContribution,
  valuationPolicyDecider,
  valueContribution,
} from '@cohesion/domain';
import { AggregateStore } from '../command-side/aggregate-store';
import { streamOf } from '../command-side/streams';

/** A contribution valued under a policy, at the policy stream's revision it was read at. */
export interface PolicyValueView extends ValuedContribution {
  readonly policyId: string;
  readonly revision: string;
  /** Null when no rate of the policy was in force for this kind and unit that day. */
  readonly value: ContributionValue | null;
}

/** What a contribution is worth under a policy as it stands now (folded from its stream). */
export class ContributionValueQuery extends Query<PolicyValueView> {
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
  implements IQueryHandler<ContributionValueQuery, PolicyValueView>
{
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ policyId, contribution }: ContributionValueQuery): Promise<PolicyValueView> {
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
