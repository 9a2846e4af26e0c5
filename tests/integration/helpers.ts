import { ensureStarted, setPin } from '../../src/data/commands';
import { stableJson } from '../../src/domain/stableJson';
import { forgetAuthority } from '../../src/data/gate';
import { initClock, loadSealing, resetClockForTests, db, allLevels, columnCells } from '../../src/data/store';

export async function freshDatabase(): Promise<void> {
  db.close();
  await db.delete();
  await db.open();
  resetClockForTests();
  forgetAuthority();
  await initClock();
  // The app fetches the cipher after its first paint; tests that build events themselves need it at once.
  await loadSealing();
}

/**
 * Every projection row, with the LWW clocks, in a stable order: what "the tables" are. With
 * `{ signer: false }` stamps keep only their time (wall and counter), not the device and event
 * that wrote them: what the tables say, whichever device signed the log (a restore onto a new
 * tablet takes the log on as its own).
 */
export async function snapshotProjections({ signer = true } = {}) {
  const timeOnly = (json: string) => json.replace(/"(\d{15}:\d{5}):[^"]*"/g, '"$1"');
  const strip = <T extends object>(rows: T[]) => rows.map((row) => (signer ? canonicalJson(row) : timeOnly(canonicalJson(row)))).sort();
  return {
    teams: strip(await db.teams.toArray()),
    stations: strip(await db.stations.toArray()),
    workers: strip(await db.workers.toArray()),
    skills: strip(await db.skills.toArray()),
    levels: strip(await allLevels()),
    // The column documents must hold exactly what coverage needs of the row documents.
    levelsBySkill: strip((await db.levelsBySkill.toArray()).flatMap(columnCells)),
    columnsMatchRows:
      strip((await db.levelsBySkill.toArray()).flatMap(columnCells)).join() ===
      strip((await allLevels()).map(({ workerId, skillId, level, at, claim }) => ({ workerId, skillId, level, at, claim }))).join(),
  };
}

/** JSON with keys sorted at every depth, so equal rows compare equal whatever the key order (the gate's own). */
export const canonicalJson = stableJson;

/** The demo workshop, its lead, and Jan de Vries with his own PIN 1111: where evidence is made. */
export async function demoWithJan(): Promise<{ lead: { actor: string }; jan: string }> {
  await freshDatabase();
  await ensureStarted();
  const workers = await db.workers.toArray();
  const lead = { actor: workers.find((w) => w.role === 'lead')!.id };
  const jan = workers.find((w) => w.name === 'Jan de Vries')!.id;
  await setPin(jan, '1111', { actor: jan });
  return { lead, jan };
}
