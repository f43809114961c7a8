import { type ReactNode, createContext, useCallback, useContext, useEffect, useState } from 'react';
import { IntlProvider } from 'react-intl';
import { CATALOGUES, type MessageKey } from './messages';
import { INTL_LOCALE, type Locale, initialLocale, rememberChosenLocale } from './locale';

interface LocaleChoice {
  readonly locale: Locale;
  readonly choose: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleChoice | null>(null);

export interface I18nProviderProps {
  readonly children: ReactNode;
  /** Tests pin a locale; the app starts from the browser's languages. */
  readonly locale?: Locale;
  /** Another catalogue than the locale's (tests mark every message to find text without one). */
  readonly messages?: Record<MessageKey, string>;
  /** Called for any message the catalogue lacks or cannot format (tests fail on it). */
  readonly onMessageError?: (error: Error) => void;
}

export function I18nProvider({
  children,
  locale: pinned,
  messages,
  onMessageError,
}: I18nProviderProps) {
  const [locale, setLocale] = useState<Locale>(() => pinned ?? initialLocale());
  const choose = useCallback((next: Locale) => {
    rememberChosenLocale(next);
    setLocale(next);
  }, []);
  useEffect(() => {
    // The page's language, for screen readers and hyphenation (WCAG 3.1.1).
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <LocaleContext.Provider value={{ locale, choose }}>
      <IntlProvider
        locale={INTL_LOCALE[locale]}
        messages={messages ?? CATALOGUES[locale]}
        // No defaultLocale fallback: a key missing from the catalogue is an error, not English.
        defaultLocale={INTL_LOCALE[locale]}
        onError={onMessageError ?? reportMessageError}
      >
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocaleChoice(): LocaleChoice {
  const choice = useContext(LocaleContext);
  if (!choice) throw new Error('useLocaleChoice outside I18nProvider');
  return choice;
}

function reportMessageError(error: Error): void {
  console.error(error);
}
