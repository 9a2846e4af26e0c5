import { useMemo } from 'react';
import { useSkills, useStations, useTeams, useWorkers } from '../../data/queries';
import { useT } from '../../i18n';
import type { Names } from './describeEvent';

/** Id → name for people, skills, teams and stations, archived ones included (history needs them). */
export function useNames(): Names | undefined {
  const t = useT();
  const workers = useWorkers();
  const skills = useSkills();
  const teams = useTeams();
  const stations = useStations();
  return useMemo(() => {
    if (!workers || !skills || !teams || !stations) return undefined;
    const maps = [workers, skills, teams, stations].map((rows) => new Map(rows.map((r) => [r.id, r.name] as const)));
    const [w, s, tm, st] = maps as [Map<string, string>, Map<string, string>, Map<string, string>, Map<string, string>];
    const unknown = t('history.unknown');
    return {
      person: (id) => (id ? (w.get(id) ?? unknown) : t('history.nobody')),
      skill: (id) => s.get(id) ?? unknown,
      team: (id) => tm.get(id) ?? unknown,
      station: (id) => st.get(id) ?? unknown,
    };
  }, [workers, skills, teams, stations, t]);
}
