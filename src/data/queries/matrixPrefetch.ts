import { peopleInMatrixOrder, skillsInMatrixOrder } from '../../domain/matrixOrder';
import { columnsOfSkills, db, levelsOfWorkers } from '../store';
import { columnKey, columnLevels, rowKey, rowLevels } from './levelQueries';
import { remember } from './liveQuery';
import { readSkills, readStations, readTeams, readWorkers } from './workshopQueries';

/**
 * The matrix's first screen, read before the first render: the lists, then the levels of the
 * rows and columns a screen this size shows first — in one read-only transaction — put where
 * the live queries start from (useRememberedQuery). The matrix then renders once, filled,
 * instead of waiting for the lists and then for some forty row and column queries; the live
 * queries still run and take over. `rows` and `columns`: how many fit, with some spare.
 */
export async function prefetchMatrix({ rows, columns }: { rows: number; columns: number }): Promise<void> {
  await db.transaction('r', [db.teams, db.stations, db.skills, db.workers, db.levelsByWorker, db.levelsBySkill], async () => {
    const [teams, stations, skills, workers] = await Promise.all([readTeams(), readStations(), readSkills(), readWorkers()]);
    const people = peopleInMatrixOrder(workers).slice(0, rows);
    const firstSkills = skillsInMatrixOrder(stations, skills).slice(0, columns);
    const [rowRecords, columnEntries] = await Promise.all([levelsOfWorkers(people.map((w) => w.id)), columnsOfSkills(firstSkills.map((s) => s.id))]);
    remember('teams', teams);
    remember('stations', stations);
    remember('skills', skills);
    remember('workers', workers);
    people.forEach((w, i) => remember(rowKey(w.id), rowLevels(rowRecords[i]!)));
    firstSkills.forEach((s, i) => remember(columnKey(s.id), columnLevels(columnEntries[i]!)));
  });
}
