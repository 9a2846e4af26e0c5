import type { VaardigEvent } from './events';

/**
 * What events are about: the `refs` index and the questions asked of it. Kept apart from the
 * event schemas so that screens which only read do not load the validation code.
 */

/** Key of one matrix cell, as used in `refs` and for wishes. */
export function cellRef(workerId: string, skillId: string): string {
  return `${workerId}|${skillId}`;
}

/**
 * What an event is about, for the `refs` index. An event about one matrix cell is indexed
 * by the cell only (`worker|skill`): a person's cell events are found by prefix, and every
 * extra index entry costs at scale (200,000 cells). Evidence and assignments are indexed too.
 */
export function refsOf(payload: Record<string, unknown>): string[] {
  const str = (k: string) => (typeof payload[k] === 'string' ? (payload[k] as string) : undefined);
  const person = str('workerId') ?? str('learnerId');
  const skill = str('skillId');
  const cell = person && skill ? cellRef(person, skill) : undefined;
  const refs = cell ? [str('id'), cell, str('coachId'), str('assignmentId'), str('evidence')] : [str('id'), person, str('coachId'), skill, str('teamId'), str('stationId'), str('deviceId')];
  return [...new Set(refs.filter((r): r is string => Boolean(r)))];
}

/** Whether an event is about this person, skill, or anything else by id (audit filters). */
export function eventMentions(event: VaardigEvent, id: string): boolean {
  return event.refs.some((r) => r === id || r.startsWith(`${id}|`) || r.endsWith(`|${id}`)) || (event.type === 'levels.recorded' && event.payload.cells.some((c) => c.skillId === id));
}

/**
 * A person-row event seen from one cell (a cell's timeline): the same event with only that
 * cell's part, or null when it does not touch the cell.
 */
export function narrowToCell(event: VaardigEvent, skillId: string): VaardigEvent | null {
  if (event.type !== 'levels.recorded') return event;
  const cells = event.payload.cells.filter((c) => c.skillId === skillId);
  return cells.length ? { ...event, payload: { ...event.payload, cells } } : null;
}
