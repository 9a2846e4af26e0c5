import { Authority } from '../../domain/gate/authority';
import { isFinal, refuse, type Refusal } from '../../domain/gate/refusal';
import { sameEvent, screen, timely } from '../../domain/gate/screen';
import { settle } from '../../domain/gate/settle';
import type { VaardigEvent } from '../../domain/events';
import { signatureHolds } from './signatures';
import { fingerprint, ROOT_EVENT_ID } from '../../domain/identity/eventIdentity';
import { loadSealing, applyEvents, db, honourForgetting, newId, observeStamp, refoldAll, type HeldRow, type RefusedRow } from '../store';

/**
 * Where events from elsewhere enter the log (sync; a restore builds its own log the same
 * way). Each is screened (size, shape, clock), then judged in log order against the workshop
 * as it was just before it. What fails is kept apart with its reason and never folded; what
 * is stamped too far ahead waits in `held`; nothing received stops what comes after it.
 *
 * The authority — the log's facts with their history — is built from the whole log once,
 * then kept up to date; it is rebuilt whenever the log changed behind its back (another tab).
 */
let cached: Authority | null = null;

export type Source = RefusedRow['source'];

export interface Admission {
  applied: number;
  refused: number;
  held: number;
}

/** Forget the authority (a restore, a reset, a test); the next admission rebuilds it. */
export function forgetAuthority(): void {
  cached = null;
}

/** Keeps a loaded authority in step with this device's own new events (already judged). */
export function noteLocalEvents(events: readonly VaardigEvent[]): void {
  for (const e of events) cached?.admit(e);
}

function refusedRow(refusal: Refusal, source: Source, event?: VaardigEvent, raw?: unknown): RefusedRow {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 140) : '');
  return {
    id: event?.id ?? (text(r.id ?? r._id) || `unreadable-${newId()}`),
    at: event?.at ?? text(r.at),
    device: event?.device ?? text(r.device),
    actor: event?.actor ?? (text(r.actor) || null),
    type: event?.type ?? text(r.type),
    code: refusal.code,
    ...(refusal.detail ? { detail: refusal.detail.slice(0, 200) } : {}),
    source,
    receivedAt: Date.now(),
    ...(event ? { event } : raw === undefined ? {} : { raw }),
  };
}

/**
 * A copy that is not the event it names (unsigned, forged, changed, unreadable) is kept under
 * its own row id — the name it claims plus a hash of what it holds — so it can never stand in
 * the way of the genuine event with that id arriving later.
 */
function apart(row: RefusedRow, received: unknown): RefusedRow {
  return { ...row, id: `refused:${row.id.slice(0, 80)}:${fingerprint(received).slice(0, 16)}` };
}

/**
 * Screens and judges what was received, in one transaction with the log and its projections.
 * A copy of an event the log already holds, the same in every field, needs no second screening
 * or signature check: the log's copy passed them (this device's own events, pulled back after a
 * push, are the most common). Should the log's copy go meanwhile, the copy is checked in full.
 */
export async function admitReceived(docs: readonly unknown[], source: Source, now = Date.now()): Promise<Admission> {
  await loadSealing();
  const ok: VaardigEvent[] = [];
  const held: HeldRow[] = [];
  const refused: RefusedRow[] = [];
  const passed: { event: VaardigEvent; kind: 'ok' | 'hold' | 'future' }[] = [];
  const claimed = docs.map((doc) => (doc as { id?: unknown } | null)?.id);
  const stored = await db.events.bulkGet(claimed.map((id) => (typeof id === 'string' ? id : '')));
  const copies: VaardigEvent[] = [];
  docs.forEach((doc, i) => {
    if (stored[i] && sameEvent(stored[i]!, doc as VaardigEvent)) return void copies.push(stored[i]!);
    const s = screen(doc, now);
    if (s.kind !== 'refused') passed.push({ event: s.event, kind: s.kind });
    else if (s.refusal.code === 'future' && s.event) passed.push({ event: s.event, kind: 'future' });
    else refused.push(apart(refusedRow(s.refusal, source, s.event, s.raw), doc));
  });
  // Signatures are checked outside the transaction: WebCrypto's promises would end it. Every
  // one at once: the browser verifies them side by side. Screening proved each id (but the
  // first device's fixed one) to be its content's hash, the bytes that were signed.
  const holds = await Promise.all(passed.map((p) => signatureHolds(p.event, p.event.id === ROOT_EVENT_ID ? undefined : p.event.id)));
  passed.forEach(({ event, kind }, i) => {
    if (!holds[i]) refused.push(apart(refusedRow(refuse('badSignature'), source, event), event));
    else if (kind === 'hold') held.push({ id: event.id, at: event.at, event, source });
    else if (kind === 'future') refused.push(refusedRow(refuse('future'), source, event));
    else ok.push(event);
  });
  let admission: Admission;
  let gone: VaardigEvent[];
  try {
    [admission, gone] = await db.transaction('rw', db.allTables, async (): Promise<[Admission, VaardigEvent[]]> => {
      const kept = await db.events.bulkGet(copies.map((e) => e.id));
      const gone = copies.filter((e, i) => !kept[i] || !sameEvent(kept[i]!, e));
      const known = await knownIds([...ok, ...held, ...refused].map((x) => x.id));
      const newRefused = [...new Map(refused.filter((r) => !known.has(r.id)).map((r) => [r.id, r])).values()];
      const newHeld = [...new Map(held.filter((h) => !known.has(h.id)).map((h) => [h.id, h])).values()];
      // A known event that comes back different was changed on its way (or on the server).
      const again = await db.events.bulkGet(ok.filter((e) => known.has(e.id)).map((e) => e.id));
      const altered = ok.filter((e) => known.has(e.id)).filter((e, i) => again[i] && !sameEvent(again[i]!, e));
      const alteredRows = altered.map((e) => ({ ...refusedRow(refuse('altered'), source, e), id: `altered:${e.id}:${newId()}` }));
      await db.refused.bulkPut([...newRefused, ...alteredRows]);
      await db.held.bulkPut(newHeld);
      if (newHeld.length) watchHeld();
      const fresh = ok.filter((e) => !known.has(e.id));
      const judged = await judgeIn(fresh, source);
      return [{ applied: judged.applied.length, refused: newRefused.length + alteredRows.length + judged.refused, held: newHeld.length }, gone];
    });
  } catch (error) {
    cached = null;
    throw error;
  }
  if (!gone.length) return admission;
  const more = await admitReceived(gone, source, now);
  return { applied: admission.applied + more.applied, refused: admission.refused + more.refused, held: admission.held + more.held };
}

/**
 * Looks again at events whose time had not come: held ones, and ones refused as too far
 * ahead (this device's clock may have been wrong, and been put right since). What is due is
 * judged; what is still ahead waits or stays refused.
 */
export async function releaseHeld(now = Date.now()): Promise<number> {
  await loadSealing();
  const [held, future] = await Promise.all([db.held.toArray(), db.refused.where('code').equals('future').toArray()]);
  const waiting = [
    ...held.map((h) => ({ event: h.event, source: h.source, was: 'hold' as const })),
    ...future.filter((r) => r.event).map((r) => ({ event: r.event!, source: r.source, was: 'refused' as const })),
  ];
  const moves = waiting.map((w) => ({ ...w, now: timely(w.event, now).kind })).filter((w) => w.now !== w.was);
  if (!moves.length) return 0;
  try {
    return await db.transaction('rw', db.allTables, async () => {
      await db.held.bulkDelete(moves.filter((m) => m.was === 'hold').map((m) => m.event.id));
      await db.refused.bulkDelete(moves.filter((m) => m.was === 'refused').map((m) => m.event.id));
      await db.held.bulkPut(moves.filter((m) => m.now === 'hold').map((m) => ({ id: m.event.id, at: m.event.at, event: m.event, source: m.source })));
      await db.refused.bulkPut(moves.filter((m) => m.now === 'refused').map((m) => refusedRow(refuse('future'), m.source, m.event)));
      const due = moves.filter((m) => m.now === 'ok');
      const judged = await judgeIn(
        due.map((m) => m.event),
        due[0]?.source ?? 'sync',
      );
      return judged.applied.length;
    });
  } catch (error) {
    cached = null;
    throw error;
  }
}

let watching: ReturnType<typeof setInterval> | null = null;

/** Checks held events once a minute while any wait (they come from sync, or a restore). */
export function watchHeld(): void {
  if (watching) return;
  const tick = async () => {
    if ((await db.held.count()) === 0) {
      clearInterval(watching!);
      watching = null;
      return;
    }
    await releaseHeld();
  };
  watching = setInterval(() => void tick(), 60_000);
  void tick();
}

async function knownIds(ids: string[]): Promise<Set<string>> {
  const [inLog, inRefused, inHeld] = await Promise.all([db.events.bulkGet(ids), db.refused.bulkGet(ids), db.held.bulkGet(ids)]);
  return new Set(ids.filter((_, i) => inLog[i] || inRefused[i] || inHeld[i]));
}

/**
 * Judges fresh events together with everything already judged from the earliest fresh stamp
 * on, and moves what changed: in to the log, or out of it to `refused`. Must run inside a
 * transaction over all tables.
 */
async function judgeIn(fresh: readonly VaardigEvent[], source: Source): Promise<{ applied: VaardigEvent[]; refused: number }> {
  // The log may have changed behind the cached authority's back (another tab, a reset).
  const newest = await db.events.orderBy('at').last();
  let authority = cached && cached.size === (await db.events.count()) && (!newest || cached.has(newest.id)) ? cached : null;
  let inLog: VaardigEvent[];
  let from = '';
  if (!authority) {
    // Build from the whole log: every event judged, in order.
    authority = new Authority();
    inLog = await db.events.toArray();
  } else {
    if (!fresh.length) return { applied: [], refused: 0 };
    from = fresh.reduce((min, e) => (e.at < min ? e.at : min), fresh[0]!.at);
    inLog = await db.events.where('at').aboveOrEqual(from).toArray();
  }
  const candidates = [...inLog, ...(await rejudgeable(from)), ...fresh];
  cached = null;
  const before = new Set(inLog.map((e) => e.id));
  const { admitted, refused } = settle(authority, candidates);
  const comingIn = admitted.filter((e) => !before.has(e.id));
  const goingOut = refused.filter((r) => before.has(r.event.id));
  const wasRefused = new Set((await db.refused.bulkGet(refused.map((r) => r.event.id))).filter(Boolean).map((r) => `${r!.id}:${r!.code}`));
  await db.refused.bulkDelete(comingIn.map((e) => e.id));
  await db.refused.bulkPut(refused.filter((r) => !wasRefused.has(`${r.event.id}:${r.refusal.code}`)).map((r) => refusedRow(r.refusal, source, r.event)));
  await db.events.bulkDelete(goingOut.map((r) => r.event.id));
  await db.events.bulkAdd(comingIn);
  if (goingOut.length) await refoldAll();
  else await applyEvents(comingIn);
  await honourForgetting(comingIn);
  cached = authority;
  for (const e of comingIn) observeStamp(e.at);
  const freshIds = new Set(fresh.map((e) => e.id));
  return { applied: comingIn, refused: refused.filter((r) => freshIds.has(r.event.id)).length };
}

/** Events refused by the rules (not by their shape or clock): a later arrival may let them in. */
async function rejudgeable(from: string): Promise<VaardigEvent[]> {
  const rows = await db.refused.where('at').aboveOrEqual(from).toArray();
  return rows.filter((r) => r.event && !isFinal(r.code)).map((r) => r.event!);
}
