import type { Qualification } from '../../domain/qualification';
import type { useT } from '../../i18n';

/** A qualification as one line: "(voorbeeld) Machinaal houtbewerker, niveau 2, crebo 99998, versie …". */
export function qualificationLabel(q: Pick<Qualification, 'title' | 'niveau' | 'crebo' | 'version' | 'example'>, t: ReturnType<typeof useT>): string {
  return `${q.example ? `(${t('qualification.example')}) ` : ''}${q.title}, ${t('qualification.niveau', { niveau: q.niveau })}, crebo ${q.crebo}, ${t('qualification.version', { version: q.version })}`;
}
