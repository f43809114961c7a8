import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';

/** The options of the charts the app draws (types only: ECharts itself loads lazily). */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
>;

/**
 * Colours with at least 3:1 contrast against white (WCAG 1.4.11), told apart by more than hue in
 * the line charts (symbols and dashes).
 */
export const CHART_COLOURS = [
  '#1d4f91',
  '#b3261e',
  '#1b7f3b',
  '#8a4b00',
  '#6a3d9a',
  '#00707a',
  '#a3195b',
  '#4d4d4d',
];

export const CHART_TEXT = { color: '#1f1f1f', fontFamily: 'system-ui, sans-serif', fontSize: 13 };
