import { useMemo } from 'react';
import type { PartnershipEquity, PartnershipRecognition } from '../../api/types';
import { type Formatters, useFormat } from '../../i18n/use-format';
import { CONTRIBUTION_KIND, type ContributionKind } from '../../i18n/labels';
import { type Translate, useT } from '../../i18n/use-t';
import { ChartFigure } from '../../kit/ChartFigure';
import { CHART_COLOURS, CHART_TEXT, type ChartOption } from '../../kit/chart/chart-option';
import { DataTable } from '../../kit/DataTable';
import { lorenzCurve, monthlyTotals } from './contribution-figures';

const KINDS = Object.keys(CONTRIBUTION_KIND) as ContributionKind[];

/**
 * The contributions drawn three ways: by partner and kind (stacked), month by month, and how
 * evenly the value is spread (Lorenz curve). Valued in euros under a policy, else counted.
 */
export function ContributionCharts({
  recognition,
  equity,
}: {
  readonly recognition: PartnershipRecognition;
  readonly equity: PartnershipEquity;
}) {
  const t = useT();
  const format = useFormat();
  const valued = recognition.valuation !== null;
  const figures = useMemo(
    () => ({
      stacked: stackedByPartner(recognition, valued, t, format),
      months: monthlyTotals(recognition.byMonth, valued),
      lorenz: lorenzCurve(equity.partners.map((partner) => partner.valueCents ?? 0)),
    }),
    [recognition, equity, valued, t, format],
  );
  const amount = (cents: number) => (valued ? format.euros(cents / 100) : format.number(cents));
  const measure = valued ? t('contributions.measureValue') : t('contributions.measureCount');

  return (
    <div className="charts">
      <ChartFigure
        title={t('contributions.chartByPartner')}
        summary={t('contributions.chartByPartnerSummary', { measure })}
        option={figures.stacked}
        table={
          <DataTable
            caption={t('contributions.chartByPartner')}
            rows={recognition.partners}
            rowKey={(partner) => partner.partnerId}
            columns={[
              {
                key: 'partner',
                header: t('partner.name'),
                rowHeader: true,
                cell: (p) => p.name ?? p.partnerId,
              },
              ...KINDS.map((kind) => ({
                key: kind,
                header: t(CONTRIBUTION_KIND[kind]),
                numeric: true,
                cell: (p: PartnershipRecognition['partners'][number]) =>
                  amount(kindTotal(p, kind, valued)),
              })),
            ]}
          />
        }
      />
      <ChartFigure
        title={t('contributions.chartByMonth')}
        summary={t('contributions.chartByMonthSummary', { measure })}
        option={monthlyOption(figures.months, t, valued, format)}
        table={
          <DataTable
            caption={t('contributions.chartByMonth')}
            rows={figures.months}
            rowKey={(month) => month.month}
            columns={[
              {
                key: 'month',
                header: t('contributions.month'),
                rowHeader: true,
                cell: (m) => format.month(m.month),
              },
              ...KINDS.map((kind) => ({
                key: kind,
                header: t(CONTRIBUTION_KIND[kind]),
                numeric: true,
                cell: (m: (typeof figures.months)[number]) => amount(m.byKind[kind] ?? 0),
              })),
            ]}
          />
        }
      />
      {valued ? (
        <ChartFigure
          title={t('contributions.chartLorenz')}
          summary={t('contributions.chartLorenzSummary', {
            gini: equity.gini === null ? '—' : format.number(equity.gini, 3),
          })}
          option={lorenzOption(figures.lorenz, t, format)}
          table={
            <DataTable
              caption={t('contributions.chartLorenz')}
              rows={figures.lorenz}
              rowKey={(point) => String(point.partners)}
              columns={[
                {
                  key: 'partners',
                  header: t('contributions.lorenzPartners'),
                  rowHeader: true,
                  cell: (p) => format.percent(p.partners),
                },
                {
                  key: 'value',
                  header: t('contributions.lorenzValue'),
                  numeric: true,
                  cell: (p) => format.percent(p.value),
                },
              ]}
            />
          }
        />
      ) : null}
    </div>
  );
}

function kindTotal(
  partner: PartnershipRecognition['partners'][number],
  kind: ContributionKind,
  valued: boolean,
): number {
  return partner.totals.byKindAndUnit
    .filter((line) => line.kind === kind)
    .reduce((sum, line) => sum + (valued ? (line.valueCents ?? 0) : line.contributions), 0);
}

const BASE = {
  textStyle: CHART_TEXT,
  color: CHART_COLOURS,
  grid: { left: 16, right: 24, top: 48, bottom: 16, containLabel: true },
  legend: { top: 0, textStyle: CHART_TEXT },
  tooltip: { trigger: 'axis' as const },
  animation: false,
};

function stackedByPartner(
  recognition: PartnershipRecognition,
  valued: boolean,
  t: Translate,
  format: Formatters,
): ChartOption {
  const partners = recognition.partners;
  return {
    ...BASE,
    xAxis: {
      type: 'category',
      data: partners.map((partner) => partner.name ?? partner.partnerId),
      axisLabel: { interval: 0, rotate: 20, color: CHART_TEXT.color },
    },
    yAxis: {
      type: 'value',
      axisLabel: {
        color: CHART_TEXT.color,
        formatter: (value: number) => (valued ? format.euros(value / 100) : format.number(value)),
      },
    },
    series: KINDS.map((kind) => ({
      type: 'bar' as const,
      name: t(CONTRIBUTION_KIND[kind]),
      stack: 'kinds',
      data: partners.map((partner) => kindTotal(partner, kind, valued)),
    })),
  };
}

function monthlyOption(
  months: ReturnType<typeof monthlyTotals>,
  t: Translate,
  valued: boolean,
  format: Formatters,
): ChartOption {
  return {
    ...BASE,
    xAxis: {
      type: 'category',
      data: months.map((month) => format.month(month.month)),
      axisLabel: { color: CHART_TEXT.color },
    },
    yAxis: {
      type: 'value',
      axisLabel: {
        color: CHART_TEXT.color,
        formatter: (value: number) => (valued ? format.euros(value / 100) : format.number(value)),
      },
    },
    series: KINDS.map((kind, index) => ({
      type: 'line' as const,
      name: t(CONTRIBUTION_KIND[kind]),
      symbol: SYMBOLS[index % SYMBOLS.length],
      symbolSize: 8,
      data: months.map((month) => month.byKind[kind] ?? 0),
    })),
  };
}

function lorenzOption(
  points: ReturnType<typeof lorenzCurve>,
  t: Translate,
  format: Formatters,
): ChartOption {
  const percent = (value: number) => format.percent(value);
  return {
    ...BASE,
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { color: CHART_TEXT.color, formatter: percent },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { color: CHART_TEXT.color, formatter: percent },
    },
    series: [
      {
        type: 'line',
        name: t('contributions.lorenzCurve'),
        symbol: 'circle',
        data: points.map((point) => [point.partners, point.value]),
      },
      {
        type: 'line',
        name: t('contributions.lorenzEquality'),
        symbol: 'none',
        lineStyle: { type: 'dashed' },
        data: [
          [0, 0],
          [1, 1],
        ],
      },
    ],
  };
}

/** Lines told apart by their marks as well as by colour (WCAG 1.4.1). */
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow'];
