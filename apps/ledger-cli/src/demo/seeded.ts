import { createHash } from 'node:crypto';

/**
 * Figures of the demo that vary with the seed (survey results, quantities given), each derived
 * from the seed and its own name: the same seed always gives the same figure, whatever order
 * the figures are asked in.
 */
export class Seeded {
  constructor(private readonly seed: number) {}

  /** A number between `min` and `max`, rounded to `decimals`. */
  between(name: string, min: number, max: number, decimals = 0): number {
    const digest = createHash('sha256').update(`${this.seed}/${name}`).digest();
    const fraction = digest.readUInt32BE(0) / 2 ** 32;
    const factor = 10 ** decimals;
    return Math.round((min + fraction * (max - min)) * factor) / factor;
  }
}
