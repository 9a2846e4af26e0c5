import { useState } from 'react';
import { changeAssignment } from '../../data/commands';
import { useOpenAssignments } from '../../data/queries';
import { type Assignment } from '../../domain/model';
import { isLead } from '../../domain/permissions';
import { translateLoose, useT } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { Icon } from '../../ui/Icon';
import { LevelMark } from '../../ui/LevelMark';
import { SessionDialog } from '../coaching/SessionDialog';
import { useNames } from '../history/useNames';
import { useSignedInPerson } from '../kiosk/LeadGate';
import { compareText } from '../../domain/sort';
import { formatDay, localDay } from '../../ui/format';
import { useNow } from '../../ui/useNow';

/**
 * "Wie leert wat": on the wall, one sentence per assignment ("Emma leert Fineren van Ahmed"),
 * those under way first, each group by due date, so the next deadline is on top.
 */
export function BoardScreen() {
  const t = useT();
  const language = useUi((s) => s.language);
  const go = useUi((s) => s.go);
  const names = useNames();
  const person = useSignedInPerson();
  const ctx = useCommandContext();
  const announce = useUi((s) => s.announce);
  const requestSignIn = useUi((s) => s.requestSignIn);
  const today = localDay(useNow());
  const [recording, setRecording] = useState<Assignment | null>(null);
  const open = useOpenAssignments();
  if (!open || !names) return <p className="loading">{t('app.loading')}</p>;
  const byDue = (a: Assignment, b: Assignment) =>
    (a.dueDate ?? '9999') < (b.dueDate ?? '9999') ? -1 : (a.dueDate ?? '9999') > (b.dueDate ?? '9999') ? 1 : compareText(names.person(a.workerId), names.person(b.workerId));
  const groups = (['inProgress', 'open'] as const).map((status) => ({ status, items: open.filter((a) => a.status === status).sort(byDue) })).filter((g) => g.items.length);

  const startSession = (a: Assignment) => {
    if (!person) return requestSignIn(true);
    if (person.id !== a.coachId && !isLead(person)) return announce('board.coachOnly', 'error', { coach: names.person(a.coachId) });
    setRecording(a);
  };

  return (
    <section className="list-screen board" aria-labelledby="board-title">
      <h1 id="board-title" className="screen-title">
        {t('board.title')}
      </h1>
      {open.length === 0 ? (
        <div className="empty-state">
          <p>{t('board.empty')}</p>
          {isLead(person ?? undefined) && (
            <button type="button" className="button primary" onClick={() => go('plan')}>
              <Icon name="list" /> {t('nav.plan')}
            </button>
          )}
        </div>
      ) : (
        groups.map(({ status, items }) => (
          <section key={status} className="group" aria-labelledby={`board-${status}`}>
            <h2 id={`board-${status}`}>{t(status === 'inProgress' ? 'board.inProgress' : 'board.open')}</h2>
            <ul className="item-list">
              {items.map((a) => (
                <li key={a.id}>
                  <LevelMark level={a.targetLevel} className="big" />
                  <span className="item-name">
                    {t('board.learns', { worker: names.person(a.workerId), skill: names.skill(a.skillId), coach: names.person(a.coachId) })}
                    {a.dueDate && (
                      <span className={a.dueDate < today ? 'small-line expired-text' : 'muted small-line'}>
                        {t(a.dueDate < today ? 'board.overdue' : 'board.due', { date: formatDay(a.dueDate, language, { weekday: true }) })}
                      </span>
                    )}
                  </span>
                  <span className="row-actions">
                    <button
                      type="button"
                      className="button primary"
                      onClick={() => startSession(a)}
                      aria-label={t('board.recordFor', { worker: names.person(a.workerId), skill: names.skill(a.skillId) })}
                    >
                      <Icon name="clock" /> <span aria-hidden="true">{t('board.record')}</span>
                    </button>
                    {isLead(person ?? undefined) && (
                      <button
                        type="button"
                        className="button"
                        aria-label={t('board.cancelFor', { worker: names.person(a.workerId), skill: names.skill(a.skillId) })}
                        onClick={async () => {
                          const r = await changeAssignment({ id: a.id, status: 'cancelled' }, ctx);
                          if (!r.ok) announce(translateLoose(t, r.errors[0]!.key), 'error');
                        }}
                      >
                        <span aria-hidden="true">{t('board.cancel')}</span>
                      </button>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      {recording && <SessionDialog assignment={recording} onClose={() => setRecording(null)} />}
    </section>
  );
}
