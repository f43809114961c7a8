import type { SuiteResult } from './types';

/** A table as rows of cells, rendered as aligned text for the terminal or as Markdown. */
export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Big numbers without decimals, small ones with two. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 ? integer.format(value) : decimal.format(value);
}

function formatDetails(details: Readonly<Record<string, number>> | undefined): string {
  return Object.entries(details ?? {})
    .map(([name, value]) => `${name} ${formatNumber(value)}`)
    .join(', ');
}

function metText(met: boolean | undefined): string {
  if (met === undefined) return '';
  return met ? 'met' : 'NOT met';
}

export function measurementsTable({ measurements }: SuiteResult): Table {
  return {
    header: ['figure', 'system', 'median', 'unit', 'details (medians)', 'runs (min–max)'],
    rows: measurements.map((m) => [
      m.name,
      m.system,
      formatNumber(m.median),
      m.unit,
      formatDetails(m.details),
      `${m.samples.length} (${formatNumber(Math.min(...m.samples))}–${formatNumber(Math.max(...m.samples))})`,
    ]),
  };
}

export function ratiosTable({ ratios, targets }: SuiteResult): Table {
  return {
    header: ['figure', 'of', 'value', 'target', 'met'],
    rows: [
      ...ratios.map((r) => [
        r.name,
        r.of,
        `${decimal.format(r.value)}×`,
        r.target ?? '',
        metText(r.met),
      ]),
      ...targets.map((t) => [
        t.name,
        '',
        `${formatNumber(t.actual)} ${t.unit}`,
        `${t.target} ${t.unit}`,
        metText(t.met),
      ]),
    ],
  };
}

export function setupLine({ setup }: SuiteResult): string {
  return Object.entries(setup)
    .map(
      ([name, value]) =>
        `${name} ${typeof value === 'number' ? formatNumber(value) : String(value)}`,
    )
    .join(', ');
}

export function renderText({ header, rows }: Table): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

export function renderMarkdown({ header, rows }: Table): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function escapeCell(cell: string): string {
  return cell.replace(/\|/g, '\\|');
}
