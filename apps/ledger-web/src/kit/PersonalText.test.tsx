import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider';
import type { Locale } from '../i18n/locale';
import { PersonalText, erasedDay } from './PersonalText';

const shown = (value: string, locale: Locale) => {
  const messageErrors: string[] = [];
  const { container } = render(
    <I18nProvider locale={locale} onMessageError={(error) => messageErrors.push(error.message)}>
      <p>
        <PersonalText value={value} />
      </p>
    </I18nProvider>,
  );
  expect(messageErrors).toEqual([]);
  return container.querySelector('p');
};

describe('a personal field as the ledger serves it', () => {
  it.each([
    ['en', 'erased on 2 December 2026'],
    ['fr', 'effacé le 2 décembre 2026'],
  ] as const)(
    'reads an erased one as a date in words (%s), the marker in its title',
    (locale, text) => {
      const field = shown('[erased 2026-12-02]', locale);
      expect(field?.textContent).toBe(text);
      expect(screen.getByTitle('[erased 2026-12-02]').textContent).toBe(text);
    },
  );

  it('shows any other value as it is', () => {
    for (const value of ['Ana Lopes', '[erased 2026-02-30]', 'Note: [erased 2026-12-02]']) {
      const field = shown(value, 'en');
      expect(field?.textContent).toBe(value);
      expect(field?.querySelector('[title]')).toBeNull();
    }
  });

  it('knows the day of an erased marker, and only of a real day', () => {
    expect(erasedDay('[erased 2026-12-02]')).toBe('2026-12-02');
    expect(erasedDay('[erased 2026-02-30]')).toBeUndefined();
    expect(erasedDay('[erased 2026-12-02] ')).toBeUndefined();
    expect(erasedDay('[unreadable]')).toBeUndefined();
  });
});
