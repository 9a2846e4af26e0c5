import { useState } from 'react';
import { useAuditEvents, useSkills, useWorkers } from '../../data/queries';
import { hlcMillis } from '../../domain/hlc';
import { useT } from '../../i18n';
import { useUi } from '../../state/ui';
import { SelectField, TextField } from '../../ui/Field';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { formatDateTime } from '../../ui/format';
import { usePages } from '../../ui/usePages';
import { describeEvent, noteOf } from '../history/describeEvent';
import { useNames } from '../history/useNames';
import { LeadGate } from '../kiosk/LeadGate';
import { RefusedSection } from './RefusedSection';

const PAGE = 50;

/** The lead's audit log: every change, who made it and when, filterable by person, skill and period. */
export function AuditScreen() {
  return (
    <LeadGate>
      <AuditLog />
    </LeadGate>
  );
}

function AuditLog() {
  const t = useT();
  const language = useUi((s) => s.language);
  const workers = useWorkers();
  const skills = useSkills();
  const names = useNames();
  const [person, setPerson] = useState('');
  const [skill, setSkill] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const { limit, more } = usePages(PAGE);
  const events = useAuditEvents({ person, skill, from, to, limit });

  return (
    <section className="list-screen" aria-labelledby="audit-title">
      <h1 id="audit-title" className="screen-title">
        {t('audit.title')}
      </h1>
      <div className="filters">
        <SelectField label={t('audit.person')} value={person} onChange={(e) => setPerson(e.target.value)}>
          <option value="">{t('audit.everyone')}</option>
          {/* A forgotten person has no name left to look up by (their lines stay, as "Oud-medewerker"). */}
          {(workers ?? [])
            .filter((w) => !w.forgotten)
            .map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
        </SelectField>
        <SelectField label={t('audit.skill')} value={skill} onChange={(e) => setSkill(e.target.value)}>
          <option value="">{t('audit.allSkills')}</option>
          {(skills ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t('audit.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label={t('audit.to')} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      {!events || !names ? (
        <p className="loading">{t('app.loading')}</p>
      ) : events.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <>
          <table className="audit-table">
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <ColumnHeads labels={[t('audit.when'), t('audit.who'), t('audit.what')]} />
            <tbody>
              {events.slice(0, limit).map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(hlcMillis(e.at), language)}</td>
                  <td>{names.person(e.actor)}</td>
                  <td>
                    {describeEvent(e, names, t)}
                    {noteOf(e) && <span className="history-note"> — {noteOf(e)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {more(events.length)}
        </>
      )}
      {names && <RefusedSection names={names} />}
    </section>
  );
}
