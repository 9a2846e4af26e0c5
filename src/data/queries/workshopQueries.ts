import { dueForForgetting } from '../../domain/privacy/retention';
import { DEFAULT_KIOSK_POLICY, type KioskPolicy } from '../../domain/pin';
import type { Skill, Station, Team, Worker } from '../../domain/model';
import { isLead } from '../../domain/permissions';
import { byName } from '../../domain/sort';
import { db, getMeta, type MetaKey, type MetaValues } from '../store';
import { primeRememberedQuery, useLive, useRememberedQuery } from './liveQuery';
import { readAll, readOne } from './readTables';
import { hasDemo } from './startQueries';

/** The workshop as the screens see it: teams, stations, people, skills and the settings. */
export const readTeams = async (): Promise<Team[]> => (await readAll('teams')).sort(byName);
export const readStations = async (): Promise<Station[]> => (await readAll('stations')).sort((a, b) => a.order - b.order);
export const readWorkers = async (): Promise<Worker[]> => (await readAll('workers')).sort(byName);
export const readSkills = async (): Promise<Skill[]> => (await readAll('skills')).sort(byName);

export function useTeams(): Team[] | undefined {
  return useRememberedQuery('teams', readTeams);
}

export function useStations(): Station[] | undefined {
  return useRememberedQuery('stations', readStations);
}

export function useWorkers(): Worker[] | undefined {
  return useRememberedQuery('workers', readWorkers);
}

/** People archived longer than the retention period, proposed to the lead for forgetting (`day`: today, ms). */
export function useForgettingProposals(day: number) {
  return useLive(async () => dueForForgetting(await readAll('workers'), day), [day]);
}

export function useSkills(): Skill[] | undefined {
  return useRememberedQuery('skills', readSkills);
}

/** One person, or null when there is none (no id, or not found); undefined while loading. */
export function useWorker(id: string | null): Worker | null | undefined {
  // A live query keeps its last result while the next one runs: keyed by id, so a sign-in
  // never sees the previous "nobody" for a moment (which would sign the person out again).
  const found = useLive(async () => ({ id, worker: (await readOne('workers', id)) ?? null }), [id]);
  return found?.id === id ? found.worker : undefined;
}

/** Whether the workshop has a team lead (without one, the first start asks for one). */
export function useLeadExists(): boolean | undefined {
  return useLive(async () => (await readAll('workers')).some((w) => isLead(w)), []);
}

function useMetaValue<K extends MetaKey>(key: K): MetaValues[K] | undefined {
  return useLive(() => getMeta(key), [key]);
}

export const useStartState = () => useMetaValue('started');
export const useLastBackup = () => useMetaValue('lastBackup');
export const useSyncConfig = () => useMetaValue('sync');
export const useCompanyName = () => useMetaValue('companyName');
/** The company's KvK number and SBB leerbedrijf-ID ('' when not filled in). */
export function useCompanyDetails(): { kvkNumber: string; leerbedrijfId: string } | undefined {
  return useLive(companyDetails, []);
}
/** This device's id: the company server's administrator names the device's CouchDB user after it. */
export const useDeviceId = () => useMetaValue('deviceId');
/** The server this device left when its log was signed (it must be connected anew). */
export const useSyncBeforeSigning = () => useMetaValue('syncBeforeSigning');
/** How many of this device's events the company server refused by its rules. */
export const useNotOnServerCount = () => useMetaValue('notOnServer')?.length ?? 0;

export function useHasDemo(): boolean | undefined {
  return useRememberedQuery('hasDemo', hasDemo);
}

/**
 * Whether the demo is here, read before the first paint: its banner is then there from the
 * first frame, instead of pushing the screen down when the query answers (a layout shift).
 */
export const primeHasDemo = () => primeRememberedQuery('hasDemo', hasDemo);

/** The kiosk's rules (wrong PINs, lock time, idle time): the lead's choice or the defaults. */
export function useKioskPolicy(): KioskPolicy {
  return { ...DEFAULT_KIOSK_POLICY, ...(useMetaValue('kioskPolicy') ?? {}) };
}

export async function companyName(): Promise<string> {
  return (await getMeta('companyName')) ?? '';
}

export async function companyDetails(): Promise<{ kvkNumber: string; leerbedrijfId: string }> {
  const [kvkNumber, leerbedrijfId] = await Promise.all([getMeta('companyKvk'), getMeta('leerbedrijfId')]);
  return { kvkNumber: kvkNumber ?? '', leerbedrijfId: leerbedrijfId ?? '' };
}

/** Which of these people have chosen a PIN (the others choose one at their first sign-in). */
export function useWorkersWithPin(workers: readonly Worker[] | undefined): Set<string> | undefined {
  return useLive(async () => new Set((await db.credentials.bulkGet((workers ?? []).map((w) => w.id))).flatMap((c) => (c ? [c.workerId] : []))), [workers]);
}

/** Local changes not yet sent to the company server. */
export function useWaitingToSend(): number | undefined {
  return useLive(() => db.outbox.count(), []);
}
