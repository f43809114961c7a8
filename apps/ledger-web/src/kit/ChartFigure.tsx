import { type ReactNode, Suspense, lazy } from 'react';
import { useT } from '../i18n/use-t';
import type { ChartOption } from './chart/chart-option';

const EChart = lazy(() => import('./chart/EChart'));

export interface ChartFigureProps {
  readonly title: string;
  /** One sentence that says what the chart shows, for everyone and for screen readers. */
  readonly summary: string;
  readonly option: ChartOption;
  /** The same figures as a table: the chart's text alternative. */
  readonly table: ReactNode;
}

/** A chart with its title, a summary and the table of its figures (open on request). */
export function ChartFigure({ title, summary, option, table }: ChartFigureProps) {
  const t = useT();
  return (
    <figure className="chart-figure">
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      <div role="img" aria-label={`${title}. ${summary}`} className="chart-frame">
        <Suspense fallback={<p className="chart-loading">{t('chart.loading')}</p>}>
          <EChart option={option} />
        </Suspense>
      </div>
      <details className="chart-table">
        <summary>{t('chart.showTable')}</summary>
        {table}
      </details>
    </figure>
  );
}
