import { useEffect, useState } from 'react';
import type { VaardigEvent } from '../../domain/events';
import { cellRef, narrowToCell } from '../../domain/eventRefs';
import { coverageOf, type SkillCoverage } from '../../domain/coverage';
import { peopleInMatrixOrder, skillsInMatrixOrder } from '../../domain/matrixOrder';
import { normaliseLevel, type LevelRecord, type Skill, type Station, type Worker } from '../../domain/model';
import { confirmRefusal, isLead } from '../../domain/permissions';
import { byName, compareText } from '../../domain/sort';
import { expiries } from '../../domain/validity';
import { allLevels, db, levelsOfSkill, levelsOfSkills, levelsOfWorker, storedLevel, type CoverageEntry } from '../store';
import { useLive, useRememberedQuery } from './liveQuery';
import { openedEvents, readAll, readOne, readWhere } from './readTables';

/** The matrix's cells: by row, by column, one cell with its timeline, and what they add up to. */

/** One worker's levels by skill id, as a matrix row shows them. */
export const rowLevels = (records: readonly LevelRecord[]): ReadonlyMap<string, LevelRecord> => new Map(records.map((r) => [r.skillId, r] as const));
/** Everyone's level for one skill, as a coverage cell counts them. */
export const columnLevels = (entries: readonly CoverageEntry[]): LevelRecord[] => entries.map(normaliseLevel);
export const rowKey = (workerId: string) => `row:${workerId}`;
export const columnKey = (skillId: string) => `column:${skillId}`;

/** One query per visible matrix row; `waitWhile` scrolling fast (see useRememberedQuery). */
export function useWorkerLevels(workerId: string, waitWhile = false): ReadonlyMap<string, LevelRecord> | undefined {
  return useRememberedQuery(rowKey(workerId), async () => rowLevels(await levelsOfWorker(workerId)), waitWhile);
}

/** One query per visible matrix column (coverage row). */
export function useSkillLevels(skillId: string, waitWhile = false): LevelRecord[] | undefined {
  return useRememberedQuery(columnKey(skillId), async () => columnLevels(await levelsOfSkill(skillId)), waitWhile);
}

/** A cell's timeline: its own events, and the person's whole-row events narrowed to it. */
export async function cellHistory(workerId: string, skillId: string): Promise<VaardigEvent[]> {
  const [own, rows] = await Promise.all([
    db.events.where('refs').equals(cellRef(workerId, skillId)).toArray(),
    db.events
      .where('refs')
      .equals(workerId)
      .filter((e) => e.type === 'levels.recorded')
      .toArray(),
  ]);
  const narrowed = rows.map((e) => narrowToCell(e, skillId)).filter((e): e is VaardigEvent => e !== null);
  return openedEvents([...own, ...narrowed].sort((a, b) => (a.at < b.at ? 1 : -1)));
}

export function useCellHistory(workerId: string, skillId: string): VaardigEvent[] | undefined {
  return useLive(() => cellHistory(workerId, skillId), [workerId, skillId]);
}

/** Everything that happened to a person: events about them, and about their cells. */
export async function eventsAboutPerson(workerId: string): Promise<VaardigEvent[]> {
  const [direct, cells] = await Promise.all([db.events.where('refs').equals(workerId).toArray(), db.events.where('refs').startsWith(`${workerId}|`).toArray()]);
  const byId = new Map([...direct, ...cells].map((e) => [e.id, e]));
  return openedEvents([...byId.values()].sort((a, b) => (a.at < b.at ? 1 : -1)));
}

/** What the level picker of one cell needs: the person, the skill, the cell, and who is acting. */
export function useCellEditor(workerId: string, skillId: string, actorId: string | null) {
  return useLive(async () => {
    const [worker, skill, record, actor, own] = await Promise.all([
      readOne('workers', workerId),
      readOne('skills', skillId),
      storedLevel(workerId, skillId),
      readOne('workers', actorId),
      actorId ? storedLevel(actorId, skillId) : undefined,
    ]);
    return { worker, skill, record: record && normaliseLevel(record), actor, own: own && normaliseLevel(own) };
  }, [workerId, skillId, actorId]);
}

/** The claims this person may answer, oldest first, and (for the lead) the confirmations running out. */
export async function openClaims(person: Worker, now: number) {
  const [levels, skills, workers, own] = await Promise.all([allLevels(), readAll('skills'), readAll('workers'), levelsOfWorker(person.id)]);
  const skillsById = new Map(skills.filter((s) => !s.archived).map((s) => [s.id, s]));
  const activeWorkers = new Set(workers.filter((w) => !w.archived).map((w) => w.id));
  const ownBySkill = new Map(own.map((r) => [r.skillId, normaliseLevel(r)]));
  const cells = levels.map(normaliseLevel).filter((r) => skillsById.has(r.skillId) && activeWorkers.has(r.workerId));
  const claims = cells.filter((r) => r.claim && !confirmRefusal(person, r.workerId, ownBySkill.get(r.skillId), skillsById.get(r.skillId)!, now)).sort((a, b) => (a.claim!.at < b.claim!.at ? -1 : 1));
  return { claims, expiry: isLead(person) ? expiries(cells, skillsById, now) : null };
}

export function useOpenClaims(person: Worker) {
  return useLive(() => openClaims(person, Date.now()), [person.id, person.role]);
}

/**
 * How many claims wait for this person (the badge on "Bevestigen"); undefined for nobody.
 * Counted when `when` changes (the menu passes the screen), not on every change of a level:
 * counting reads every cell, and a tap in a 500 × 400 matrix must not wait for that (issue 19's
 * bench: tap → paint went from 60 to 405 ms with a live count). _Bevestigen_ itself is live.
 */
export function useOpenClaimCount(person: Worker | null | undefined, when: unknown): number | undefined {
  const [count, setCount] = useState<{ id: string; count: number } | undefined>();
  const id = person?.id;
  useEffect(() => {
    if (!person) return;
    let current = true;
    void openClaims(person, Date.now()).then(({ claims }) => current && setCount({ id: person.id, count: claims.length }));
    return () => {
      current = false;
    };
    // Re-counted for another person, another role, or when `when` moves on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, person?.role, when]);
  return count && count.id === id ? count.count : undefined;
}

/** A worker's own row, their wishes and what happened to them lately. */
export function useMyLevels(personId: string) {
  return useLive(async () => {
    const [levels, wishes, recent] = await Promise.all([levelsOfWorker(personId), readWhere('wishes', 'workerId', personId), eventsAboutPerson(personId)]);
    return {
      levels: new Map(levels.map((l) => [l.skillId, normaliseLevel(l)] as const)),
      wishes: new Set(wishes.filter((w) => w.wished).map((w) => w.skillId)),
      recent: recent.slice(0, 8),
    };
  }, [personId]);
}

export interface CoverageProblem {
  skill: Skill;
  station: string;
  coverage: SkillCoverage;
}

const PROBLEM_ORDER = { nobody: 0, singlePoint: 1, gap: 2, ok: 3 } as const;

/**
 * The coverage problems of the skills shown, among the people shown, worst first. Read when
 * asked (it reads every level of those skills), not kept live on the wall.
 */
export function useCoverageProblems(workers: readonly Worker[], skills: readonly Skill[], stations: readonly Station[]): CoverageProblem[] | undefined {
  return useLive(async () => {
    const shown = new Set(workers.map((w) => w.id));
    const stationName = new Map(stations.map((s) => [s.id, s.name]));
    const records = (await levelsOfSkills(skills.map((s) => s.id))).map(normaliseLevel);
    const bySkill = new Map<string, typeof records>();
    for (const r of records) {
      const list = bySkill.get(r.skillId);
      if (list) list.push(r);
      else bySkill.set(r.skillId, [r]);
    }
    const now = Date.now();
    return skills
      .map((skill) => ({ skill, station: stationName.get(skill.stationId) ?? '', coverage: coverageOf(skill, bySkill.get(skill.id) ?? [], (id) => shown.has(id), now) }))
      .filter((p) => p.coverage.status !== 'ok' || p.coverage.noTeacher)
      .sort((a, b) => PROBLEM_ORDER[a.coverage.status] - PROBLEM_ORDER[b.coverage.status] || compareText(a.skill.name, b.skill.name));
  }, [workers, skills, stations]);
}

/** The whole matrix of one team (or every team) for the printed wall version. */
export function usePrintedMatrix(teamId: string | null) {
  return useLive(async () => {
    const [teams, stations, skills, workers, levels] = await Promise.all([readAll('teams'), readAll('stations'), readAll('skills'), readAll('workers'), allLevels()]);
    return {
      teams: teams.filter((tm) => !tm.archived && (!teamId || tm.id === teamId)).sort(byName),
      stationName: new Map(stations.map((s) => [s.id, s.name])),
      skills: skillsInMatrixOrder(stations, skills),
      workers: peopleInMatrixOrder(workers),
      cells: new Map(levels.map((l) => [`${l.workerId}|${l.skillId}`, normaliseLevel(l)])),
    };
  }, [teamId]);
}
