import { describe, expect, it } from 'vitest';
import { initialLocale } from './locale';

describe('initial locale', () => {
  it.each([
    [['fr-FR', 'en'], 'fr'],
    [['fr'], 'fr'],
    [['fr-CA'], 'fr'],
    [['en-GB', 'fr'], 'en'],
    [['de-DE'], 'en'],
    [[], 'en'],
  ] as const)('for browser languages %j is %s', (languages, expected) => {
    expect(initialLocale(languages, null)).toBe(expected);
  });

  it('follows the choice made with the language switcher over the browser', () => {
    expect(initialLocale(['fr-FR'], 'en')).toBe('en');
    expect(initialLocale(['en-GB'], 'fr')).toBe('fr');
    expect(initialLocale(['en-GB'], 'klingon')).toBe('en');
  });
});
