import type { VaardigEvent } from '../../domain/events';
import { fileSlug } from '../../domain/fileNames';
import type { HistoryRecord, Named, PersonalData } from '../../domain/personalData';
import type { PersonalSummary, SummaryKind } from '../../exports/personalDataPdf';
import type { Language, Translate } from '../../i18n';
import { formatDate, formatDateTime, formatDay, localDay } from '../../ui/format';
import { levelLabel, levelName } from '../../ui/levelDisplay';
import { describeEvent, type Names } from '../history/describeEvent';

/**
 * "Mijn gegevens" in words: what the screen lists and the PDF prints (a summary), and the
 * JSON file (the whole of it, with the legend's labels and one readable line per log event
 * added in the user's language). The facts come from collectPersonalData.
 */

/** `vaardig-mijn-gegevens-jan-de-vries-2026-11-30`: the JSON and the PDF share it. */
export function myDataFileBase(data: PersonalData, now: number): string {
  return `vaardig-mijn-gegevens-${fileSlug(data.person.name, 'medewerker')}-${localDay(now)}`;
}

/** Names for describeEvent, from the file's own name index (it knows nothing else). */
function namesOf(data: PersonalData, t: Translate): Names {
  const name = (id: string) => data.names[id]?.name ?? t('history.unknown');
  return { person: (id) => (id ? name(id) : t('history.nobody')), device: name, knowsDevice: (id) => id in data.names, skill: name, team: name, station: name };
}

/** A history record back in the log's own shape, for describeEvent. */
function asEvent(h: HistoryRecord): VaardigEvent {
  return { id: h.eventId, type: h.type, at: h.stamp, actor: h.by?.id ?? null, device: h.device.id, refs: h.refs, payload: h.payload } as VaardigEvent;
}

/** Each log event in words ("Jan de Vries zegt bij Afkorten: …"), for the JSON file. */
function historyLines(data: PersonalData, t: Translate): string[] {
  const names = namesOf(data, t);
  return data.history.map((h) => describeEvent(asEvent(h), names, t));
}

const who = (n: Named | null, t: Translate) => (n ? (n.name ?? t('history.unknown')) : t('history.nobody'));
const onDay = (iso: string | null, language: Language) => (iso ? formatDate(Date.parse(iso), language) : '');

/** What the screen shows and the PDF prints: per kind, how many and one line each. */
export function personalSummary(data: PersonalData, t: Translate, language: Language): PersonalSummary {
  const names = namesOf(data, t);
  const sessions = [...data.sessions.asLearner, ...data.sessions.asCoach.filter((s) => s.learner.id !== data.person.id)];
  const assignments = [...data.assignments.asLearner, ...data.assignments.asCoach.filter((a) => a.learner.id !== data.person.id)];
  const kinds: SummaryKind[] = [
    {
      key: 'levels',
      title: t('myData.levels', { count: data.levels.length }),
      // Every note on their levels is theirs to read: the one with the level, and their own with a claim.
      lines: data.levels.map((l) =>
        [
          t('myData.level', { skill: who(l.skill, t), level: levelName(t, l.level) }),
          l.note && t('myData.note', { note: l.note }),
          l.claim && t('myData.claim', { level: levelName(t, l.claim.level) }),
          l.claim?.note && t('myData.note', { note: l.claim.note }),
        ]
          .filter(Boolean)
          .join(' — '),
      ),
    },
    {
      key: 'sessions',
      title: t('myData.sessions', { count: sessions.length }),
      lines: sessions.map((s) =>
        [
          t('myData.sessionLine', { date: formatDay(s.date, language), skill: who(s.skill, t), minutes: s.minutes, learner: who(s.learner, t), coach: who(s.coach, t) }),
          s.practised && t('myData.note', { note: s.practised }),
        ]
          .filter(Boolean)
          .join(' — '),
      ),
    },
    {
      key: 'assignments',
      title: t('myData.assignments', { count: assignments.length }),
      lines: assignments.map((a) => t('myData.assignmentLine', { learner: who(a.learner, t), skill: who(a.skill, t), coach: who(a.coach, t), level: levelName(t, a.targetLevel) })),
    },
    { key: 'wishes', title: t('myData.wishes', { count: data.wishes.filter((w) => w.wished).length }), lines: data.wishes.filter((w) => w.wished).map((w) => who(w.skill, t)) },
    {
      key: 'consents',
      title: t('myData.consents', { count: data.consents.length }),
      lines: data.consents.map((c) => {
        const line = t('myData.consentLine', { recipient: c.recipient, purpose: c.purpose, date: onDay(c.givenAt, language) });
        return c.withdrawn ? `${line} — ${t('myData.consentWithdrawn', { date: onDay(c.withdrawnAt, language) })}` : line;
      }),
    },
    { key: 'devices', title: t('myData.devices', { count: data.devices.length }), lines: data.devices.map((d) => d.name ?? t('device.new')) },
    {
      key: 'history',
      title: t('myData.history', { count: data.history.length }),
      // Newest first, as the rest of the app lists what happened.
      lines: data.history
        .map((h) =>
          t('myData.historyLine', { date: formatDateTime(Date.parse(h.at), language), what: describeEvent(asEvent(h), names, t), by: h.by ? t('history.by', { name: who(h.by, t) }) : who(h.by, t) }),
        )
        .reverse(),
    },
  ];
  return {
    name: data.person.name,
    team: who(data.person.team, t),
    madeAt: Date.parse(data.madeAt),
    kinds,
    pin: t(data.pin.storedOnThisDevice ? 'myData.pinStored' : 'myData.pinNotStored'),
    credentials: t('myData.credentials'),
  };
}

/** The JSON file: every fact, plus the words a person needs to read it, in their language. */
export function myDataJson(data: PersonalData, t: Translate, language: Language): string {
  const lines = historyLines(data, t);
  const file = {
    format: data.format,
    version: data.version,
    madeAt: data.madeAt,
    language,
    about: t('myData.fileAbout', { name: data.person.name, date: formatDate(Date.parse(data.madeAt), language) }),
    person: data.person,
    legend: { levels: data.legend.levels.map((l) => ({ ...l, label: levelLabel(t, l.code) })) },
    levels: data.levels,
    sessions: data.sessions,
    assignments: data.assignments,
    wishes: data.wishes,
    consents: data.consents,
    devices: data.devices,
    pin: { ...data.pin, note: t(data.pin.storedOnThisDevice ? 'myData.pinStored' : 'myData.pinNotStored') },
    credentials: { ...data.credentials, note: t('myData.credentials') },
    history: data.history.map((h, i) => ({ line: lines[i], ...h })),
    names: data.names,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
