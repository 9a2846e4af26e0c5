import { chooseLanguage, LANGUAGES, LOCALES, useT } from '../i18n';
import { useUi } from '../state/ui';
import { Icon } from '../ui/Icon';

/** The language buttons: each names its language in that language, so anyone finds their own. */
export function LanguageSwitch() {
  const t = useT();
  const language = useUi((s) => s.language);
  return (
    <div className="language-switch" role="group" aria-label={t('nav.language')}>
      <Icon name="language" />
      {LANGUAGES.map((l) => (
        <button key={l} type="button" lang={l} className="lang-button" aria-pressed={language === l} onClick={() => void chooseLanguage(l)}>
          {l.toUpperCase()}
          <span className="visually-hidden"> {LOCALES[l].name}</span>
        </button>
      ))}
    </div>
  );
}
