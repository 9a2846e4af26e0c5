import { useMemo } from 'react';
import { type DeviceRow, useDevices, useSkills, useStations, useTeams, useWorkers } from '../../data/queries';
import { useT } from '../../i18n';
import type { Names } from './describeEvent';

/** Id → name for people, skills, teams and stations, archived ones included (history needs them). */
export function useNames(): Names | undefined {
  const t = useT();
  const workers = useWorkers();
  const skills = useSkills();
  const teams = useTeams();
  const stations = useStations();
  const devices = useDevices();
  return useMemo(() => {
    if (!workers || !skills || !teams || !stations || !devices) return undefined;
    const d = new Map(devices.map((row) => [row.id, row]));
    const maps = [workers, skills, teams, stations].map((rows) => new Map(rows.map((r) => [r.id, r.name] as const)));
    const [w, s, tm, st] = maps as [Map<string, string>, Map<string, string>, Map<string, string>, Map<string, string>];
    const unknown = t('history.unknown');
    return {
      person: (id) => (id ? (w.get(id) ?? unknown) : t('history.nobody')),
      skill: (id) => s.get(id) ?? unknown,
      team: (id) => tm.get(id) ?? unknown,
      station: (id) => st.get(id) ?? unknown,
      device: (id) => deviceName(t, d.get(id)),
      knowsDevice: (id) => d.has(id),
    };
  }, [workers, skills, teams, stations, devices, t]);
}

/**
 * What a device is called: the name a lead gave it, "first device", or "new device" while it
 * waits. Never its code: a lead reads that off the new device itself, not off a list.
 */
export function deviceName(t: ReturnType<typeof useT>, device: DeviceRow | undefined): string {
  if (!device) return t('history.unknown');
  if (device.name) return device.name;
  return t(device.isFirst ? 'device.first' : 'device.new');
}
