import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartOption } from './chart-option';

// Only what the app draws: the charts load in their own chunk, never with the first page.
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

export interface EChartProps {
  readonly option: ChartOption;
  /** Called once the chart is drawn (ECharts' `finished`). */
  readonly onDrawn?: () => void;
}

/**
 * One ECharts canvas. The canvas renderer works under a CSP without 'unsafe-inline' (it styles
 * its elements through the CSSOM, never with style attributes in markup). The canvas is named by
 * the figure around it (ChartFigure), whose table gives the same figures.
 */
export default function EChart({ option, onDrawn }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const drawn = useRef(onDrawn);
  drawn.current = onDrawn;
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.on('finished', () => drawn.current?.());
    chart.setOption(option);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={container} className="chart-canvas" />;
}
