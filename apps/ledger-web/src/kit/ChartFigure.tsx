import { type ReactNode, useEffect, useState } from 'react';
import { useT } from '../i18n/use-t';
import type { ChartOption } from './chart/chart-option';
import type { EChartProps } from './chart/EChart';

type EChartComponent = (props: EChartProps) => ReactNode;

let chartCode: Promise<EChartComponent> | undefined;
let loadedChart: EChartComponent | undefined;

/** The charts' code, in its own chunk (kept out of the first page), fetched once. */
function loadEChart(): Promise<EChartComponent> {
  chartCode ??= import('./chart/EChart').then((module) => (loadedChart = module.default));
  return chartCode;
}

/**
 * Starts fetching the charts' code. A page with charts calls it as it starts loading its data,
 * so that code and data arrive together instead of one after the other.
 */
export function preloadCharts(): void {
  void loadEChart().catch(() => undefined);
}

/**
 * The chart component once its code is here. Not React.lazy: a Suspense boundary holds its
 * fallback for a while even when the code is already loaded, and the charts would show late.
 */
function useEChart(): { readonly chart?: EChartComponent; readonly failed: boolean } {
  const [chart, setChart] = useState<EChartComponent | undefined>(() => loadedChart);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (chart) return;
    let current = true;
    loadEChart().then(
      (loaded) => current && setChart(() => loaded),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [chart]);
  return { chart, failed };
}

export interface ChartFigureProps {
  readonly title: string;
  /** One sentence that says what the chart shows, for everyone and for screen readers. */
  readonly summary: string;
  readonly option: ChartOption;
  /** The same figures as a table: the chart's text alternative. */
  readonly table: ReactNode;
}

/**
 * A chart with its title, a summary and the table of its figures (open on request). "Drawing
 * the chart…" shows until the chart is drawn.
 */
export function ChartFigure({ title, summary, option, table }: ChartFigureProps) {
  const t = useT();
  const { chart: EChart, failed } = useEChart();
  const [drawn, setDrawn] = useState(false);
  return (
    <figure className="chart-figure">
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      <div role="img" aria-label={`${title}. ${summary}`} className="chart-frame">
        {failed ? <p className="chart-unavailable">{t('chart.unavailable')}</p> : null}
        {!failed && !drawn ? <p className="chart-loading">{t('chart.loading')}</p> : null}
        {EChart ? <EChart option={option} onDrawn={() => setDrawn(true)} /> : null}
      </div>
      <details className="chart-table">
        <summary>{t('chart.showTable')}</summary>
        {table}
      </details>
    </figure>
  );
}
