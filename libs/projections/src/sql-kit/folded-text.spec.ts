import { foldedText } from './folded-text';

describe('foldedText', () => {
  it('folds case and accents, as French names are searched', () => {
    expect(foldedText('Saint-Étienne')).toBe('saint-etienne');
    expect(foldedText('ÎLE-DE-FRANCE')).toBe('ile-de-france');
    expect(foldedText('Les Tilleuls')).toBe('les tilleuls');
    expect(foldedText('Cœur de ville')).toBe('cœur de ville');
  });
});
