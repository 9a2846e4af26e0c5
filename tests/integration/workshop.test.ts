import { beforeEach, describe, expect, it } from 'vitest';
import * as cmd from '../../src/data/commands';
import { db, getMeta, allLevels } from '../../src/data/store';
import { ensureStarted, removeDemo, startEmpty, signIn } from '../../src/data/commands';
import { hasDemo } from '../../src/data/queries';
import { coverageOf } from '../../src/domain/coverage';
import { normaliseLevel } from '../../src/domain/model';
import { freshDatabase } from './helpers';

describe('first start and the demo workshop', () => {
  beforeEach(freshDatabase);

  it('loads the demo once into an empty database', async () => {
    expect(await ensureStarted()).toBe('demo');
    expect(await ensureStarted()).toBe('demo');
    expect(await db.teams.count()).toBe(2);
    const kees = (await db.workers.toArray()).find((w) => w.name === 'Kees Veerman');
    expect(kees).toMatchObject({ role: 'lead' });
    expect(await signIn(kees!.id, '1234')).toEqual({ kind: 'ok' });
    expect(await db.workers.count()).toBe(14);
    expect(await db.skills.count()).toBe(24);
    expect(await db.stations.count()).toBe(8);
    expect(await hasDemo()).toBe(true);
  });

  it('has gaps, exactly one single point of failure and one covered skill nobody can teach', async () => {
    await ensureStarted();
    const levels = (await allLevels()).map(normaliseLevel);
    const skills = await db.skills.toArray();
    const cov = skills.map((s) => ({ name: s.name, ...coverageOf(s, levels, () => true, Date.now()) }));
    expect(cov.filter((c) => c.status === 'singlePoint').map((c) => c.name)).toEqual(['Fineren']);
    expect(cov.filter((c) => c.noTeacher && c.capable > 0).map((c) => c.name)).toEqual(['Frezen instellen']);
    expect(cov.filter((c) => c.status === 'gap').length).toBeGreaterThanOrEqual(2);
    expect(levels.some((l) => l.claim)).toBe(true);
  });

  it('"start empty" removes everything and the demo does not come back', async () => {
    await ensureStarted();
    await startEmpty();
    expect(await db.events.count()).toBe(0);
    expect(await db.workers.count()).toBe(0);
    expect(await ensureStarted()).toBe('empty');
    expect(await db.workers.count()).toBe(0);
  });

  it('removing the demo keeps what the company added itself', async () => {
    await ensureStarted();
    const kees = (await db.workers.toArray()).find((w) => w.name === 'Kees Veerman')!;
    const lead = { actor: kees.id };
    const team = await cmd.createTeam({ name: 'Eigen team' }, lead);
    if (!team.ok) throw new Error();
    const worker = await cmd.createWorker({ name: 'Nieuwe collega', teamId: team.value.id }, lead);
    if (!worker.ok) throw new Error();
    const demoSkill = (await db.skills.toArray())[0]!;
    await cmd.setLevel({ workerId: worker.value.id, skillId: demoSkill.id, level: 'U', status: 'confirmed' }, lead);

    await removeDemo();
    expect((await db.teams.toArray()).map((t) => t.name)).toEqual(['Eigen team']);
    expect((await db.workers.toArray()).map((w) => w.name)).toEqual(['Nieuwe collega']);
    expect(await db.skills.count()).toBe(0);
    expect(await allLevels()).toEqual([]);
    expect(await hasDemo()).toBe(false);
    expect(await getMeta('started')).toBe('own');
  });
});
