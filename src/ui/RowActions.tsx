import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { Icon } from './Icon';

/** Edit and archive/restore buttons for one item in a list, named after the item; `children`: more of them. */
export function RowActions({ name, archived, onEdit, onArchive, children }: { name: string; archived: boolean; onEdit: () => void; onArchive: (archived: boolean) => void; children?: ReactNode }) {
  const t = useT();
  return (
    <span className="row-actions">
      {!archived && (
        <button type="button" className="button" onClick={onEdit} aria-label={t('action.editItem', { name })}>
          <Icon name="edit" /> <span aria-hidden="true">{t('action.edit')}</span>
        </button>
      )}
      <button type="button" className="button" onClick={() => onArchive(!archived)} aria-label={t(archived ? 'action.restoreItem' : 'action.archiveItem', { name })}>
        <Icon name={archived ? 'restore' : 'archive'} /> <span aria-hidden="true">{t(archived ? 'action.restore' : 'action.archive')}</span>
      </button>
      {children}
    </span>
  );
}
