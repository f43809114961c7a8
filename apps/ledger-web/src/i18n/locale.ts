export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Where the person's explicit choice is kept; a preference, never a secret. */
const CHOSEN_LOCALE_KEY = 'cohesion-ledger.locale';

/**
 * The conventions each language is formatted with (Intl): English dates and numbers as in the
 * UK, day before month, like the rest of Europe where the ledger's euros are counted.
 */
export const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * French for a browser whose preferred language is French, English otherwise; a choice made with
 * the language switcher wins over both.
 */
export function initialLocale(
  languages: readonly string[] = navigator.languages,
  chosen: string | null = readChosenLocale(),
): Locale {
  if (isLocale(chosen)) return chosen;
  const preferred = languages[0]?.toLowerCase() ?? '';
  return preferred === 'fr' || preferred.startsWith('fr-') ? 'fr' : 'en';
}

export function rememberChosenLocale(locale: Locale): void {
  try {
    localStorage.setItem(CHOSEN_LOCALE_KEY, locale);
  } catch {
    // Storage may be disabled (private mode, policy): the choice then lasts for this page only.
  }
}

function readChosenLocale(): string | null {
  try {
    return localStorage.getItem(CHOSEN_LOCALE_KEY);
  } catch {
    return null;
  }
}
