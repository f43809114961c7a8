import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import {
  type AgreementEntry,
  type AgreementRecord,
  type AgreementsFilter,
  findAgreement,
  listAgreements,
} from '@cohesion/projections';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { scopedPartnerships, seesPartnership } from '../access/read-scope';
import type { Principal } from '../access/principal';
import {
  foundAt,
  type Moment,
  partnershipsOfList,
  type PointInTimeReads,
  ReadModelsAt,
} from '../read-models';

import { type Page, pageOf } from '../read-models/paging';
import { notFound, concealing } from '../errors';

/** What the API answers: the register's entries without their paging key. */
export type AgreementView = Omit<AgreementEntry, 'seq'>;
export type AgreementRecordView = Omit<AgreementRecord, 'seq'>;

export class ListAgreementsQuery extends Query<Page<AgreementView>> {
  constructor(
    readonly filter: AgreementsFilter,
    readonly viewer: Principal,
    readonly moment?: Moment,
  ) {
    super();
  }
}

export class AgreementQuery extends Query<AgreementRecordView> {
  constructor(
    readonly agreementId: string,
    readonly viewer: Principal,
    readonly moment?: Moment,
  ) {
    super();
  }
}

@QueryHandler(ListAgreementsQuery)
export class ListAgreementsHandler
  implements IQueryHandler<ListAgreementsQuery, Page<AgreementView>>
{
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(ReadModelsAt) private readonly at: PointInTimeReads,
  ) {}

  async execute({ filter, viewer, moment }: ListAgreementsQuery): Promise<Page<AgreementView>> {
    const scope = scopedPartnerships(this.db, viewer, filter.partnershipId);
    const db = await this.at.of(moment, partnershipsOfList(scope));
    const page = pageOf(listAgreements(db, { ...filter, ...scope }), filter.limit, ({ seq }) => [
      seq,
    ]);
    return { ...page, items: page.items.map(({ seq: _seq, ...entry }) => entry) };
  }
}

@QueryHandler(AgreementQuery)
export class AgreementHandler implements IQueryHandler<AgreementQuery, AgreementRecordView> {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(ReadModelsAt) private readonly at: PointInTimeReads,
  ) {}

  async execute({ agreementId, viewer, moment }: AgreementQuery): Promise<AgreementRecordView> {
    const now = findAgreement(this.db, agreementId);
    // Another partnership's agreement is answered exactly as one never proposed.
    const unknown = () => notFound(`Agreement ${agreementId} is not in the register`);
    if (!now) throw unknown();
    if (!seesPartnership(this.db, viewer, now.partnershipId)) throw concealing(unknown());
    const found = await foundAt(
      this.at,
      moment,
      now,
      (db) => findAgreement(db, agreementId),
      `Agreement ${agreementId} was not proposed`,
    );
    const { seq: _seq, ...agreement } = found;
    return agreement;
  }
}
