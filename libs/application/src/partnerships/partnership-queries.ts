import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { AggregateNotFound } from '@cohesion/domain';
import {
  findPartnershipOverview,
  listMeetings,
  listPartnerships,
  type MeetingFilters,
  type MeetingView,
  type PartnershipFilters,
  type PartnershipOverviewView,
  partnershipExists,
  type PartnershipSummaryView,
} from '@cohesion/projections';
import { cursorKey, type Page, pageOf } from '../read-models/paging';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { assertSeesPartnership, countsSeenBy, scopedPartnerships } from '../access/read-scope';
import type { Principal } from '../access/principal';
import type { ListRequest } from '../read-models/list-request';

export type PartnershipListRequest = ListRequest<PartnershipFilters>;
export type MeetingListRequest = ListRequest<Omit<MeetingFilters, 'partnershipId'>>;

export class ListPartnershipsQuery extends Query<Page<PartnershipSummaryView>> {
  constructor(
    readonly filters: PartnershipListRequest,
    readonly viewer: Principal,
  ) {
    super();
  }
}

export class PartnershipOverviewQuery extends Query<PartnershipOverviewView> {
  constructor(
    readonly partnershipId: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}

export class ListMeetingsQuery extends Query<Page<MeetingView>> {
  constructor(
    readonly partnershipId: string,
    readonly filters: MeetingListRequest,
    readonly viewer: Principal,
  ) {
    super();
  }
}

@QueryHandler(ListPartnershipsQuery)
export class ListPartnershipsHandler
  implements IQueryHandler<ListPartnershipsQuery, Page<PartnershipSummaryView>>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ filters, viewer }: ListPartnershipsQuery): Promise<Page<PartnershipSummaryView>> {
    const { status, territory, limit, cursor } = filters;
    const [after] = cursorKey(cursor, ['string']) ?? [];
    const { partnershipIn } = scopedPartnerships(this.db, viewer, undefined);
    const rows = listPartnerships(this.db, {
      status,
      territory,
      partnershipIn,
      after,
      limit,
    });
    const page = pageOf(rows, limit, (row) => [row.partnershipId]);
    const items = page.items.map((row) => countsSeenBy(this.db, viewer, row.partnershipId, row));
    return Promise.resolve({ ...page, items });
  }
}

@QueryHandler(PartnershipOverviewQuery)
export class PartnershipOverviewHandler
  implements IQueryHandler<PartnershipOverviewQuery, PartnershipOverviewView>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ partnershipId, viewer }: PartnershipOverviewQuery): Promise<PartnershipOverviewView> {
    assertSeesPartnership(this.db, viewer, partnershipId);
    const overview = findPartnershipOverview(this.db, partnershipId);
    if (!overview) throw new AggregateNotFound('Partnership', partnershipId);
    return Promise.resolve(countsSeenBy(this.db, viewer, partnershipId, overview));
  }
}

@QueryHandler(ListMeetingsQuery)
export class ListMeetingsHandler implements IQueryHandler<ListMeetingsQuery, Page<MeetingView>> {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ partnershipId, filters, viewer }: ListMeetingsQuery): Promise<Page<MeetingView>> {
    // Another partnership's meetings answer as an unknown partnership's: nothing to probe.
    assertSeesPartnership(this.db, viewer, partnershipId);
    if (!partnershipExists(this.db, partnershipId)) {
      throw new AggregateNotFound('Partnership', partnershipId);
    }
    const { from, to, limit, cursor } = filters;
    const after = cursorKey(cursor, ['string', 'string']);
    const rows = listMeetings(this.db, { partnershipId, from, to, after, limit });
    return Promise.resolve(pageOf(rows, limit, (row) => [row.heldOn, row.meetingId]));
  }
}
