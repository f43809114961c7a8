import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { listValuationPolicies, type ValuationPolicyView } from '@cohesion/projections';
import { cursorKey, type Page, pageOf, type PageRequest } from '../read-models/paging';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';

/**
 * The valuation policies there are to value contributions with, by id. Policies belong to no
 * partnership (administrators define them for every partnership), so every reader sees them all.
 */
export class ListValuationPoliciesQuery extends Query<Page<ValuationPolicyView>> {
  constructor(readonly page: PageRequest) {
    super();
  }
}

@QueryHandler(ListValuationPoliciesQuery)
export class ListValuationPoliciesHandler
  implements IQueryHandler<ListValuationPoliciesQuery, Page<ValuationPolicyView>>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ page }: ListValuationPoliciesQuery): Promise<Page<ValuationPolicyView>> {
    const [after] = cursorKey(page.cursor, ['string']) ?? [];
    const rows = listValuationPolicies(this.db, { after, limit: page.limit });
    return Promise.resolve(pageOf(rows, page.limit, (row) => [row.policyId]));
  }
}
