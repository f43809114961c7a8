import { Injectable } from '@nestjs/common';
import { type PartnershipFacts, partnershipDecider, partnershipFacts } from '@cohesion/domain';
import { AggregateStore } from './aggregate-store';
import { streamOf } from './streams';

/** Folds a partnership's stream into the facts other aggregates decide with (membership, status). */
@Injectable()
export class PartnershipFactsReader {
  constructor(private readonly aggregates: AggregateStore) {}

  async factsOf(partnershipId: string): Promise<PartnershipFacts> {
    const { state, startedOn } = await this.aggregates.load(
      streamOf('partnership', partnershipId),
      partnershipDecider,
    );
    const facts = partnershipFacts(partnershipId, state);
    return startedOn === undefined ? facts : { ...facts, foundedOn: startedOn };
  }
}
