/** Ratios the read models answer (rates, shares, progress) carry four decimals: 0.5714, not 0.5714285714285718. */
export const RATIO_DECIMALS = 4;

export function roundedRatio(value: number): number {
  const scale = 10 ** RATIO_DECIMALS;
  return Math.round(value * scale) / scale;
}
