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

/** "Wie leert wat": on the wall, who is learning what from whom, per coach. */
export function BoardScreen() {
  const t = useT();
  const names = useNames();
  const person = useSignedInPerson();
  const ctx = useCommandContext();
  const announce = useUi((s) => s.announce);
  const requestSignIn = useUi((s) => s.requestSignIn);
  const [recording, setRecording] = useState<Assignment | null>(null);
  const open = useOpenAssignments();
  if (!open || !names) return <p className="loading">{t('app.loading')}</p>;
  const coaches = [...new Set(open.map((a) => a.coachId))].sort((a, b) => compareText(names.person(a), names.person(b)));

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
        <p>{t('board.empty')}</p>
      ) : (
        coaches.map((coachId) => (
          <section key={coachId} className="group" aria-labelledby={`coach-${coachId}`}>
            <h2 id={`coach-${coachId}`}>{t('board.coach', { coach: names.person(coachId) })}</h2>
            <ul className="item-list">
              {open
                .filter((a) => a.coachId === coachId)
                .map((a) => (
                  <li key={a.id}>
                    <LevelMark level={a.targetLevel} className="big" />
                    <span className="item-name">
                      {t('board.line', { worker: names.person(a.workerId), skill: names.skill(a.skillId) })}
                      <span className="muted small-line">
                        {t(a.status === 'inProgress' ? 'board.inProgress' : 'board.open')}
                        {a.dueDate && ` · ${t('board.due', { date: a.dueDate })}`}
                      </span>
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
