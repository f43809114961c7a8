import { useLocaleChoice } from '../i18n/I18nProvider';
import { LOCALES } from '../i18n/locale';
import { useT } from '../i18n/use-t';

/** Each language is named in itself (and marked as such), so anyone can find theirs. */
const NATIVE_NAMES = { fr: 'Français', en: 'English' } as const;

export function LanguageSwitcher() {
  const { locale, choose } = useLocaleChoice();
  const t = useT();
  return (
    <nav aria-label={t('language.label')} className="language-switcher">
      <ul>
        {LOCALES.map((candidate) => (
          <li key={candidate}>
            <button
              type="button"
              lang={candidate}
              aria-pressed={candidate === locale}
              onClick={() => choose(candidate)}
            >
              {NATIVE_NAMES[candidate]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
