import type { Qualification } from '../../domain/qualification';
import type { Translate } from '../../i18n';

/** "Machinaal houtbewerker, niveau 2, crebo 99998, versie 2017" (with "(voorbeeld)" for the example). */
export function qualificationLabel(q: Pick<Qualification, 'title' | 'niveau' | 'crebo' | 'version' | 'example'>, t: Translate): string {
  return `${q.example ? `(${t('qualification.example')}) ` : ''}${q.title}, ${t('qualification.niveau', { niveau: q.niveau })}, crebo ${q.crebo}, ${t('qualification.version', { version: q.version })}`;
}
