import { useTeams } from '../../data/queries';
import { useT } from '../../i18n';
import { SelectField } from '../../ui/Field';

/** "Team: all teams / <active teams>": the same filter on every screen that has one. */
export function TeamSelect({ value, onChange }: { value: string; onChange: (teamId: string) => void }) {
  const t = useT();
  const teams = useTeams();
  return (
    <SelectField label={t('matrix.filterTeam')} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('matrix.allTeams')}</option>
      {(teams ?? [])
        .filter((tm) => !tm.archived)
        .map((tm) => (
          <option key={tm.id} value={tm.id}>
            {tm.name}
          </option>
        ))}
    </SelectField>
  );
}
