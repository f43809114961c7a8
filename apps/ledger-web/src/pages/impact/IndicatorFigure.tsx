import { useMemo } from 'react';
import type { components } from '../../api/schema';
import { type Formatters, useFormat } from '../../i18n/use-format';
import { INDICATOR_UNIT } from '../../i18n/labels';
import { type Translate, useT } from '../../i18n/use-t';
import { ChartFigure } from '../../kit/ChartFigure';
import { CHART_COLOURS, CHART_TEXT, type ChartOption } from '../../kit/chart/chart-option';
import { DataTable } from '../../kit/DataTable';

type Indicator = components['schemas']['IndicatorDetailDocument'];
type Measurement = Indicator['series'][number];

/** One indicator: its measurements as a line against baseline and target, progress, breakdowns. */
export function IndicatorFigure({ indicator }: { readonly indicator: Indicator }) {
  const t = useT();
  const format = useFormat();
  const value = (n: number) =>
    indicator.unit.kind === 'percent' ? format.percent(n / 100) : format.number(n);
  const option = useMemo(() => indicatorOption(indicator, t, format), [indicator, t, format]);
  const latest = indicator.latest;
  const headingId = `indicator-${indicator.indicatorId}`;
  return (
    <section aria-labelledby={headingId} className="indicator">
      <h2 id={headingId}>
        {indicator.name} <span className="code">({indicator.code})</span>
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('indicator.unit')}</dt>
          <dd>{t(INDICATOR_UNIT[indicator.unit.kind])}</dd>
        </div>
        <div>
          <dt>{t('indicator.baseline')}</dt>
          <dd>
            {t('indicator.datedValue', {
              value: value(indicator.baseline.value),
              date: format.date(indicator.baseline.date),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('indicator.target')}</dt>
          <dd>
            {t('indicator.datedValue', {
              value: value(indicator.target.value),
              date: format.date(indicator.target.date),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('indicator.progress')}</dt>
          <dd>
            {indicator.progress === null ? '—' : format.percent(indicator.progress)}
            {indicator.progress !== null ? (
              <progress
                max={1}
                value={Math.max(0, Math.min(1, indicator.progress))}
                aria-label={t('indicator.progressOf', { name: indicator.name })}
              />
            ) : null}
          </dd>
        </div>
      </dl>
      <ChartFigure
        title={t('indicator.chartTitle', { name: indicator.name })}
        summary={t('indicator.chartSummary', {
          count: indicator.series.length,
          direction: indicator.direction,
        })}
        option={option}
        table={
          <DataTable
            caption={t('indicator.measurements', { name: indicator.name })}
            rows={indicator.series}
            rowKey={(m) => m.measurementId}
            columns={[
              {
                key: 'period',
                header: t('indicator.period'),
                rowHeader: true,
                cell: (m) => periodLabel(m, t, format),
              },
              {
                key: 'value',
                header: t('indicator.value'),
                numeric: true,
                cell: (m) => value(m.value),
              },
              {
                key: 'progress',
                header: t('indicator.progress'),
                numeric: true,
                cell: (m) => (m.progress === null ? '—' : format.percent(m.progress)),
              },
              {
                key: 'corrections',
                header: t('indicator.corrections'),
                numeric: true,
                cell: (m) => format.number(m.corrections),
              },
            ]}
          />
        }
      />
      {latest && latest.disaggregation.length > 0 ? (
        <DataTable
          caption={t('indicator.breakdown', { period: periodLabel(latest, t, format) })}
          rows={latest.disaggregation}
          rowKey={(cell) => JSON.stringify(cell.dimensions)}
          columns={[
            {
              key: 'cell',
              header: t('indicator.cell'),
              rowHeader: true,
              cell: (cell) => Object.values(cell.dimensions).join(' · '),
            },
            {
              key: 'value',
              header: t('indicator.value'),
              numeric: true,
              cell: (cell) => value(cell.value),
            },
            {
              key: 'progress',
              header: t('indicator.progress'),
              numeric: true,
              cell: (cell) => (cell.progress === null ? '—' : format.percent(cell.progress)),
            },
          ]}
        />
      ) : null}
    </section>
  );
}

function periodLabel(
  measurement: Pick<Measurement, 'period'>,
  t: Translate,
  format: Formatters,
): string {
  return t('indicator.periodValue', {
    from: format.date(measurement.period.from),
    to: format.date(measurement.period.to),
  });
}

function indicatorOption(indicator: Indicator, t: Translate, format: Formatters): ChartOption {
  const labels = indicator.series.map((m) => format.date(m.period.to));
  const flat = (value: number) => labels.map(() => value);
  return {
    textStyle: CHART_TEXT,
    color: [
      CHART_COLOURS[0] ?? '#1d4f91',
      CHART_COLOURS[7] ?? '#4d4d4d',
      CHART_COLOURS[2] ?? '#1b7f3b',
    ],
    animation: false,
    grid: { left: 16, right: 24, top: 48, bottom: 16, containLabel: true },
    legend: { top: 0, textStyle: CHART_TEXT },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels, axisLabel: { color: CHART_TEXT.color } },
    yAxis: { type: 'value', scale: true, axisLabel: { color: CHART_TEXT.color } },
    series: [
      {
        type: 'line',
        name: t('indicator.measured'),
        symbol: 'circle',
        symbolSize: 8,
        data: indicator.series.map((m) => m.value),
      },
      {
        type: 'line',
        name: t('indicator.baseline'),
        symbol: 'none',
        lineStyle: { type: 'dotted' },
        data: flat(indicator.baseline.value),
      },
      {
        type: 'line',
        name: t('indicator.target'),
        symbol: 'none',
        lineStyle: { type: 'dashed' },
        data: flat(indicator.target.value),
      },
    ],
  };
}
