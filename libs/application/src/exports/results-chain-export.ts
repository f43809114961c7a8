import type {
  CommitmentTowardView,
  IndicatorMovementView,
  ObjectiveHeadingView,
  PartnershipResultsChainView,
} from '@cohesion/projections';
import { type Column, columnsOf } from './export-columns';

/** One link of an objective's chain: a commitment toward it, an indicator of it, or neither. */
export interface ResultsChainLinkRow {
  readonly partnershipId: string;
  readonly objective: ObjectiveHeadingView;
  /** The valuation policy's currency; null when nothing is valued. */
  readonly currency: string | null;
  readonly commitment: CommitmentTowardView | null;
  readonly indicator: IndicatorMovementView | null;
}

/** The chain as rows: each objective's commitments, then its indicators; one row for a bare one. */
export function resultsChainRows(chain: PartnershipResultsChainView): ResultsChainLinkRow[] {
  return chain.objectives.flatMap(({ objectiveId, title, status, targetDate, ...links }) => {
    const row = {
      partnershipId: chain.partnershipId,
      objective: { objectiveId, title, status, targetDate },
      currency: chain.valuation?.currency ?? null,
    };
    const rows: ResultsChainLinkRow[] = [
      ...links.commitments.map((commitment) => ({ ...row, commitment, indicator: null })),
      ...links.indicators.map((indicator) => ({ ...row, commitment: null, indicator })),
    ];
    return rows.length > 0 ? rows : [{ ...row, commitment: null, indicator: null }];
  });
}

const r = columnsOf<ResultsChainLinkRow>();
const contributedOf = (row: ResultsChainLinkRow) => row.commitment?.contributed ?? null;

/** A partnership's results chain, one record per commitment or indicator of each objective. */
export const RESULTS_CHAIN_COLUMNS: readonly Column<ResultsChainLinkRow>[] = [
  r.text('partnershipId', (row) => row.partnershipId),
  r.name('partnershipName', (row, names) => names.partnership(row.partnershipId)),
  r.text('objectiveId', (row) => row.objective.objectiveId),
  r.text('objectiveTitle', (row) => row.objective.title),
  r.text('objectiveStatus', (row) => row.objective.status),
  r.date('objectiveTargetDate', (row) => row.objective.targetDate),
  r.text('link', (row) => (row.commitment ? 'commitment' : row.indicator ? 'indicator' : null)),
  r.text('commitmentId', (row) => row.commitment?.commitmentId ?? null),
  r.text('partnerId', (row) => row.commitment?.partnerId ?? null),
  r.name('partnerName', (row) => row.commitment?.partnerName ?? null),
  r.text('what', (row) => row.commitment?.what ?? null),
  r.decimal('quantity', (row) => row.commitment?.quantity ?? null),
  r.text('unit', (row) => row.commitment?.unit ?? null),
  r.date('dueDate', (row) => row.commitment?.dueDate ?? null),
  r.text('commitmentStatus', (row) => row.commitment?.status ?? null),
  r.boolean('overdue', (row) => row.commitment?.overdue ?? null),
  r.decimal('delivered', (row) => row.commitment?.delivered ?? null),
  r.integer('contributions', (row) => contributedOf(row)?.contributions ?? null),
  r.money('contributedValue', (row) => {
    const cents = contributedOf(row)?.valueCents ?? null;
    return cents === null || row.currency === null ? null : { cents, currency: row.currency };
  }),
  r.text('currency', (row) => (row.commitment ? row.currency : null)),
  r.integer('unvaluedContributions', (row) => contributedOf(row)?.unvalued ?? null),
  r.text('indicatorId', (row) => row.indicator?.indicatorId ?? null),
  r.text('indicatorCode', (row) => row.indicator?.code ?? null),
  r.text('indicatorName', (row) => row.indicator?.name ?? null),
  r.decimal('baseline', (row) => row.indicator?.baseline.value ?? null),
  r.decimal('target', (row) => row.indicator?.target.value ?? null),
  r.date('targetDate', (row) => row.indicator?.target.date ?? null),
  r.decimal('latest', (row) => row.indicator?.latest?.value ?? null),
  r.date('latestPeriodTo', (row) => row.indicator?.latest?.period.to ?? null),
  r.decimal('progress', (row) => row.indicator?.progress ?? null),
];
