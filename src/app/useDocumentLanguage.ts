import { useEffect } from 'react';
import { translate } from '../i18n';
import { useUi } from '../state/ui';

/** `<html lang>` and the title follow the chosen language (screen readers pick the voice from it). */
export function useDocumentLanguage() {
  const language = useUi((s) => s.language);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${translate(language, 'app.name')} — ${translate(language, 'app.tagline')}`;
  }, [language]);
}
