import { Seeded } from './seeded';

describe('Seeded figures of the demo', () => {
  it('gives the same figure for the same seed and name, whatever was asked before', () => {
    const a = new Seeded(7);
    const b = new Seeded(7);
    b.between('something else', 0, 100);
    expect(a.between('kits', 120, 160)).toBe(b.between('kits', 120, 160));
  });

  it('gives other figures for other seeds, within the bounds and to the decimals asked', () => {
    const figures = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) =>
      new Seeded(seed).between('survey', 3, 4, 2),
    );
    expect(new Set(figures).size).toBeGreaterThan(4);
    for (const figure of figures) {
      expect(figure).toBeGreaterThanOrEqual(3);
      expect(figure).toBeLessThanOrEqual(4);
      expect(Math.round(figure * 100) / 100).toBe(figure);
    }
  });
});
