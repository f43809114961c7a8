import type { QueryBus } from '@nestjs/cqrs';
import type {
  AgreementsFilter,
  CommitmentFilter,
  ConflictCasesFilter,
  ContributionFilter,
  IndicatorView,
} from '@cohesion/projections';
import type { Principal } from '../access/principal';
import { AccessAuditQuery, type AccessAuditRequest } from '../access-audit/access-audit.query';
import { ListAgreementsQuery } from '../agreements/agreements-register.query';
import { AuditTrailQuery, type AuditTrailRequest } from '../audit-trail/audit-trail.query';
import { ListCommitmentsQuery } from '../commitments/accountability.query';
import { ListConflictCasesQuery } from '../conflicts/conflict-cases.query';
import { ListContributionsQuery } from '../contributions/recognition.query';
import { type FeedbackListRequest, ListFeedbackQuery } from '../feedback/feedback-queries';
import {
  IndicatorDetailQuery,
  type IndicatorListRequest,
  ListIndicatorsQuery,
} from '../indicators/indicator-queries';
import {
  ListMeetingsQuery,
  ListPartnershipsQuery,
  type MeetingListRequest,
  type PartnershipListRequest,
} from '../partnerships/partnership-queries';
import { cursorKey, type PageRequest } from '../read-models/paging';
import { ACCESS_AUDIT_COLUMNS, AUDIT_TRAIL_COLUMNS } from './audit-exports';
import { AGREEMENT_COLUMNS } from './agreements-export';
import { COMMITMENT_COLUMNS } from './commitments-export';
import { CONFLICT_COLUMNS } from './conflicts-export';
import { CONTRIBUTION_COLUMNS } from './contributions-export';
import type { Column } from './export-columns';
import { listedPages } from './export-stream';
import { FEEDBACK_COLUMNS } from './feedback-export';
import {
  INDICATOR_COLUMNS,
  type IndicatorMeasurementView,
  MEASUREMENT_COLUMNS,
  measurementsOf,
} from './indicators-export';
import { MEETING_COLUMNS, PARTNERSHIP_COLUMNS } from './partnerships-export';
import { PartnershipResultsChainQuery } from '../results-chain/results-chain.query';
import {
  RESULTS_CHAIN_COLUMNS,
  type ResultsChainLinkRow,
  resultsChainRows,
} from './results-chain-export';

/** A list request without its page: an export reads every page. */
type Unpaged<Request> = Omit<Request, keyof PageRequest>;

/** Which rows to export: the filters of the list route each dataset mirrors. */
export type ExportRequest =
  | {
      readonly dataset: 'commitments';
      readonly filter: CommitmentFilter;
      /** The day `overdue` is judged on. */
      readonly asOf: string;
    }
  | {
      readonly dataset: 'contributions';
      readonly filter: ContributionFilter;
      readonly policyId: string | undefined;
    }
  | {
      readonly dataset: 'agreements';
      readonly filter: Omit<AgreementsFilter, 'after' | 'limit' | 'partnershipIn'>;
    }
  | {
      readonly dataset: 'conflicts';
      readonly filter: Omit<ConflictCasesFilter, 'after' | 'limit' | 'visibleTo'>;
    }
  | {
      readonly dataset: 'indicators' | 'measurements';
      readonly filter: Unpaged<IndicatorListRequest>;
    }
  | { readonly dataset: 'feedback'; readonly filter: Unpaged<FeedbackListRequest> }
  | { readonly dataset: 'partnerships'; readonly filter: Unpaged<PartnershipListRequest> }
  | {
      readonly dataset: 'meetings';
      readonly partnershipId: string;
      readonly filter: Unpaged<MeetingListRequest>;
    }
  | {
      readonly dataset: 'results-chain';
      readonly partnershipId: string;
      readonly policyId: string | undefined;
      /** The day `overdue` is judged on. */
      readonly today: string;
    }
  | { readonly dataset: 'audit-trail'; readonly filter: Unpaged<AuditTrailRequest> }
  | { readonly dataset: 'access-audit'; readonly filter: Unpaged<AccessAuditRequest> };

/** Names the file and its sheet. */
export type ExportDataset = ExportRequest['dataset'];

/** An export's rows: its columns, and its pages, read as the file is written. */
export interface ExportRows<T> {
  readonly columns: readonly Column<T>[];
  readonly pages: AsyncGenerator<readonly T[]>;
}

/** The page window of the agreements and conflicts lists: after the `seq` their cursor holds. */
const seqWindow = ({ limit, cursor }: PageRequest) => ({
  limit,
  after: cursorKey(cursor, ['number'])?.[0],
});

/**
 * The rows of the export asked for, read through the list query of the route it mirrors, so that
 * the export applies that route's access rules and filters exactly; handed to `write`, which
 * writes rows of any type.
 */
export function exportRows<R>(
  request: ExportRequest,
  viewer: Principal,
  queries: QueryBus,
  write: <T>(rows: ExportRows<T>) => R,
): R {
  switch (request.dataset) {
    case 'commitments':
      return write({
        columns: COMMITMENT_COLUMNS,
        pages: listedPages((page) =>
          queries.execute(new ListCommitmentsQuery(request.filter, page, request.asOf, viewer)),
        ),
      });
    case 'contributions':
      return write({
        columns: CONTRIBUTION_COLUMNS,
        pages: listedPages((page) =>
          queries.execute(
            new ListContributionsQuery(request.filter, request.policyId, page, viewer),
          ),
        ),
      });
    case 'agreements':
      return write({
        columns: AGREEMENT_COLUMNS,
        pages: listedPages((page) =>
          queries.execute(
            new ListAgreementsQuery({ ...request.filter, ...seqWindow(page) }, viewer),
          ),
        ),
      });
    case 'conflicts':
      return write({
        columns: CONFLICT_COLUMNS,
        pages: listedPages((page) =>
          queries.execute(
            new ListConflictCasesQuery({ ...request.filter, ...seqWindow(page) }, viewer),
          ),
        ),
      });
    case 'indicators':
      return write({ columns: INDICATOR_COLUMNS, pages: indicatorPages(request, viewer, queries) });
    case 'measurements':
      return write({
        columns: MEASUREMENT_COLUMNS,
        pages: measurementPages(indicatorPages(request, viewer, queries), viewer, queries),
      });
    case 'feedback':
      return write({
        columns: FEEDBACK_COLUMNS,
        pages: listedPages((page) =>
          queries.execute(new ListFeedbackQuery({ ...request.filter, ...page }, viewer)),
        ),
      });
    case 'partnerships':
      return write({
        columns: PARTNERSHIP_COLUMNS,
        pages: listedPages((page) =>
          queries.execute(new ListPartnershipsQuery({ ...request.filter, ...page }, viewer)),
        ),
      });
    case 'meetings':
      return write({
        columns: MEETING_COLUMNS,
        pages: listedPages((page) =>
          queries.execute(
            new ListMeetingsQuery(request.partnershipId, { ...request.filter, ...page }, viewer),
          ),
        ),
      });
    case 'results-chain':
      return write({
        columns: RESULTS_CHAIN_COLUMNS,
        pages: resultsChainPages(request, viewer, queries),
      });
    case 'audit-trail':
      return write({
        columns: AUDIT_TRAIL_COLUMNS,
        pages: listedPages((page) =>
          queries.execute(new AuditTrailQuery({ ...request.filter, ...page })),
        ),
      });
    case 'access-audit':
      return write({
        columns: ACCESS_AUDIT_COLUMNS,
        pages: listedPages((page) =>
          queries.execute(new AccessAuditQuery({ ...request.filter, ...page })),
        ),
      });
  }
}

/** The chain is read whole (it is not paged): one page. */
async function* resultsChainPages(
  request: Extract<ExportRequest, { dataset: 'results-chain' }>,
  viewer: Principal,
  queries: QueryBus,
): AsyncGenerator<readonly ResultsChainLinkRow[]> {
  const { partnershipId, policyId, today } = request;
  const chain = await queries.execute(
    new PartnershipResultsChainQuery(partnershipId, policyId, today, viewer),
  );
  yield resultsChainRows(chain);
}

function indicatorPages(
  request: { readonly filter: Unpaged<IndicatorListRequest> },
  viewer: Principal,
  queries: QueryBus,
): AsyncGenerator<readonly IndicatorView[]> {
  return listedPages((page) =>
    queries.execute(new ListIndicatorsQuery({ ...request.filter, ...page }, viewer)),
  );
}

/** Each listed indicator's series, as GET /indicators/:id has it: one indicator's at a time. */
async function* measurementPages(
  indicators: AsyncGenerator<readonly IndicatorView[]>,
  viewer: Principal,
  queries: QueryBus,
): AsyncGenerator<readonly IndicatorMeasurementView[]> {
  for await (const page of indicators) {
    for (const indicator of page) {
      const { series } = await queries.execute(
        new IndicatorDetailQuery(indicator.indicatorId, viewer),
      );
      if (series.length > 0) yield measurementsOf(indicator, series);
    }
  }
}
