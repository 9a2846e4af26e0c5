import { changeWorker, setWish } from '../../data/commands';
import { useInstructions, useMyLevels, useSkills, useStations } from '../../data/queries';
import type { Instruction } from '../../domain/instructions';
import { canTeach, isLead } from '../../domain/permissions';
import { InstructionEditor } from '../instructions/InstructionEditor';
import { StepCards } from '../instructions/StepCards';
import { hlcMillis } from '../../domain/hlc';
import { useState } from 'react';
import { initialsOf, shownLevel, type LevelRecord, type Skill, type Worker } from '../../domain/model';
import { isExpired } from '../../domain/validity';
import { useT } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { formatWhen } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { LevelMark } from '../../ui/LevelMark';
import { levelLabel } from '../../ui/levelDisplay';
import { describeEvent } from '../history/describeEvent';
import { useNames } from '../history/useNames';
import { SignedInGate } from '../kiosk/LeadGate';
import { LevelPicker } from '../matrix/LevelPicker';
import { MyProgress } from '../certification/MyProgress';
import { MyData } from './MyData';
import { useNow } from '../../ui/useNow';

/** "Mijn vaardigheden": the signed-in worker's own row, big and simple, also on a phone. */
export function MyScreen() {
  return <SignedInGate message="mine.signIn">{(person) => <MySkills person={person} />}</SignedInGate>;
}

function MySkills({ person }: { person: Worker }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const editing = useUi((s) => s.editing);
  const openEditor = useUi((s) => s.openEditor);
  const ctx = useCommandContext();
  const stations = useStations();
  const skills = useSkills();
  const names = useNames();
  const mine = useMyLevels(person.id);
  const instructions = useInstructions();
  const now = useNow();
  const [open, setOpen] = useState<{ skill: Skill; mode: 'cards' | 'write' } | null>(null);
  if (!stations || !skills || !mine || !names || !instructions) return <p className="loading">{t('app.loading')}</p>;
  const waiting = [...mine.levels.values()].filter((l) => l.claim).length;

  return (
    <section className="list-screen mine" aria-labelledby="mine-title">
      <h1 id="mine-title" className="screen-title">
        {t('mine.title', { name: person.name })}
      </h1>
      <p>{waiting ? t('mine.waiting', { count: waiting }) : t('mine.intro')}</p>
      <MyProgress person={person} />
      <label className="check">
        <input type="checkbox" checked={person.showInitials} onChange={(e) => void changeWorker({ id: person.id, showInitials: e.target.checked }, ctx)} />
        {t('mine.initials', { initials: initialsOf(person.name) })}
      </label>
      {stations
        .filter((st) => !st.archived)
        .map((station) => {
          const own = skills.filter((s) => s.stationId === station.id && !s.archived).sort((a, b) => (a.id < b.id ? -1 : 1));
          if (!own.length) return null;
          return (
            <section key={station.id} className="group" aria-labelledby={`st-${station.id}`}>
              <h2 id={`st-${station.id}`}>{station.name}</h2>
              <ul className="my-skills">
                {own.map((skill) => (
                  <MySkillRow
                    key={skill.id}
                    skill={skill}
                    record={mine.levels.get(skill.id)}
                    wished={mine.wishes.has(skill.id)}
                    onClaim={() => openEditor(person.id, skill.id)}
                    onWish={(wished) => void setWish({ workerId: person.id, skillId: skill.id, wished }, ctx)}
                    instruction={instructions.get(skill.id)}
                    mayWrite={isLead(person) || canTeach(mine.levels.get(skill.id), skill, now)}
                    onInstruction={(mode) => setOpen({ skill, mode })}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{t('mine.recent')}</h2>
        {mine.recent.length ? (
          <ul className="recent">
            {mine.recent.map((e) => (
              <li key={e.id}>
                <span className="history-when">{formatWhen(hlcMillis(e.at), language, now)}</span> {describeEvent(e, names, t)}{' '}
                <span className="muted">{t('history.by', { name: names.person(e.actor) })}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('picker.historyEmpty')}</p>
        )}
      </section>
      <MyData person={person} />
      {editing && <LevelPicker workerId={editing.workerId} skillId={editing.skillId} />}
      {open?.mode === 'cards' && instructions.get(open.skill.id) && (
        <StepCards skillName={open.skill.name} instruction={instructions.get(open.skill.id)!} workerId={person.id} onClose={() => setOpen(null)} />
      )}
      {open?.mode === 'write' && <InstructionEditor skill={open.skill} current={instructions.get(open.skill.id)} onClose={() => setOpen(null)} />}
    </section>
  );
}

function MySkillRow({
  skill,
  record,
  wished,
  onClaim,
  onWish,
  instruction,
  mayWrite,
  onInstruction,
}: {
  skill: Skill;
  record: LevelRecord | undefined;
  wished: boolean;
  onClaim: () => void;
  onWish: (w: boolean) => void;
  instruction: Instruction | undefined;
  mayWrite: boolean;
  onInstruction: (mode: 'cards' | 'write') => void;
}) {
  const t = useT();
  const now = useNow();
  const shown = shownLevel(record);
  const expired = record && !record.claim && isExpired(record, skill, now);
  const state = record?.claim
    ? t('mine.stateWaiting')
    : record?.outcome?.kind === 'declined'
      ? t('mine.stateDeclined', { reason: record.outcome.reason })
      : expired
        ? t('status.expired')
        : shown.level !== '-'
          ? t('status.confirmed')
          : '';
  return (
    <li className="my-skill">
      <LevelMark level={shown.level} status={shown.status} className="big" />
      <span className="my-skill-text">
        <strong>{skill.name}</strong>
        <span>{levelLabel(t, shown.level)}</span>
        {state && <span className="muted">{state}</span>}
      </span>
      <span className="row-actions">
        <button type="button" className="button primary" onClick={onClaim} aria-label={t('mine.canDoItFor', { skill: skill.name })}>
          <Icon name="check" /> <span aria-hidden="true">{t('mine.canDoIt')}</span>
        </button>
        <button type="button" className="button" aria-pressed={wished} onClick={() => onWish(!wished)} aria-label={t('mine.wishFor', { skill: skill.name })}>
          <Icon name={wished ? 'star' : 'starOutline'} /> <span aria-hidden="true">{t('mine.wish')}</span>
        </button>
        {instruction && (
          <button type="button" className="button" onClick={() => onInstruction('cards')} aria-label={t('steps.openFor', { skill: skill.name })}>
            <Icon name="list" /> <span aria-hidden="true">{t('steps.open')}</span>
          </button>
        )}
        {mayWrite && (
          <button type="button" className="button" onClick={() => onInstruction('write')} aria-label={t('instruction.writeFor', { skill: skill.name })}>
            <Icon name="edit" /> <span aria-hidden="true">{t('instruction.write')}</span>
          </button>
        )}
      </span>
    </li>
  );
}
