/**
 * Gini coefficient of non-negative amounts: 0 when everyone gives the same, (n − 1) / n when one
 * gives everything. Null when there is nothing to compare (no amount, or all zero).
 *
 * Mean absolute difference over twice the mean, computed on the sorted amounts in O(n log n):
 * G = 2 Σ i·x₍ᵢ₎ / (n Σ x) − (n + 1) / n, with x sorted ascending and i from 1.
 */
export function gini(amounts: readonly number[]): number | null {
  for (const amount of amounts) {
    if (!(Number.isFinite(amount) && amount >= 0)) {
      throw new RangeError(`The Gini coefficient needs finite non-negative amounts, not ${amount}`);
    }
  }
  const n = amounts.length;
  const sorted = [...amounts].sort((a, b) => a - b);
  const total = sorted.reduce((sum, amount) => sum + amount, 0);
  if (n === 0 || total === 0) return null;
  const weighted = sorted.reduce((sum, amount, index) => sum + (index + 1) * amount, 0);
  const coefficient = (2 * weighted) / (n * total) - (n + 1) / n;
  // Float error must not show as a tiny negative inequality among equal amounts.
  return Math.min(1, Math.max(0, Math.round(coefficient * 1e6) / 1e6));
}
