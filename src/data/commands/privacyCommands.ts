import type { PayloadInput } from '../../domain/events';
import { buildEvent, commit, leadOnly, type CommandContext } from './kernel';
import { db } from '../store';

/**
 * Forgetting a person (a lead's action, with the person's consent or after they left): one
 * signed event. Every device that takes it in erases the person's key (store/forgetting.ts),
 * so their name and texts are gone everywhere while levels, sessions and counts stay as an
 * "oud-medewerker". Their open leeropdrachten, as learner or as coach, are cancelled with it:
 * nobody is left to learn or teach them.
 */
export function forgetWorker(input: PayloadInput<'worker.forgotten'>, ctx: CommandContext) {
  return commit(
    'worker.forgotten',
    input,
    ctx,
    leadOnly(async (p, actor) => {
      const worker = await db.workers.get(p.id);
      if (!worker) return [{ field: 'id', key: 'error.notFound' }];
      if (worker.forgotten) return [{ field: 'id', key: 'forget.already' }];
      if (worker.id === actor?.id) return [{ field: 'id', key: 'forget.notYourself' }];
      return [];
    }),
    async (p) => {
      const open = await db.assignments.filter((a) => (a.workerId === p.id || a.coachId === p.id) && (a.status === 'open' || a.status === 'inProgress')).toArray();
      return [buildEvent('worker.forgotten', p, ctx.actor), ...open.map((a) => buildEvent('assignment.changed', { id: a.id, status: 'cancelled' }, ctx.actor))];
    },
  );
}
